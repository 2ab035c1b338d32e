// Builders of the fixture's spans, shaped like the store's StoredSpan (src/web/dev-api-types.ts).

let counter = 0;
/** A fresh hex id of `length` characters. */
export function id(length) {
  counter += 1;
  return counter.toString(16).padStart(length, "0");
}

/** A StoredSpan; `genAi` facts are derived from the attributes the way the server does. */
export function span(options) {
  const attributes = options.attributes ?? {};
  const operation = attributes["gen_ai.operation.name"];
  const number = (key) => (typeof attributes[key] === "number" ? attributes[key] : null);
  const text = (key) => (typeof attributes[key] === "string" ? attributes[key] : null);
  return {
    traceId: options.traceId,
    spanId: options.spanId ?? id(16),
    parentSpanId: options.parentSpanId ?? null,
    name: options.name,
    kind: options.kind ?? (operation ? 3 : 1),
    startMs: options.startMs,
    durationMs: options.durationMs,
    status: options.error ? { code: 2, message: options.error } : { code: 0, message: null },
    attributes,
    events: options.events ?? [],
    resource: { "service.name": options.service ?? "support-api", "telemetry.sdk.language": "nodejs" },
    scope: { name: options.scope ?? "@sightline/openai", version: "0.1.0" },
    genAi: operation
      ? {
          operation,
          provider: text("gen_ai.provider.name"),
          requestModel: text("gen_ai.request.model"),
          responseModel: text("gen_ai.response.model"),
          inputTokens: number("gen_ai.usage.input_tokens"),
          outputTokens: number("gen_ai.usage.output_tokens"),
          costUsd: number("gen_ai.usage.cost"),
          finishReasons: Array.isArray(attributes["gen_ai.response.finish_reasons"])
            ? attributes["gen_ai.response.finish_reasons"]
            : [],
          conversationId: text("gen_ai.conversation.id"),
          feature: text("sightline.feature"),
          errorType: text("error.type"),
          timeToFirstChunkMs: number("gen_ai.response.time_to_first_chunk"),
        }
      : null,
  };
}

/** The attributes of a chat call. */
export function chat(options) {
  return {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": options.provider ?? "openai",
    "gen_ai.request.model": options.model,
    "gen_ai.response.model": options.responseModel ?? options.model,
    "gen_ai.usage.input_tokens": options.input,
    "gen_ai.usage.output_tokens": options.output,
    ...(typeof options.cost === "number" ? { "gen_ai.usage.cost": options.cost } : {}),
    "gen_ai.response.finish_reasons": options.finish ?? ["stop"],
    ...(options.feature ? { "sightline.feature": options.feature } : {}),
    ...(options.conversation ? { "gen_ai.conversation.id": options.conversation } : {}),
    ...options.extra,
  };
}

/** A text part of a message. */
export const text = (content) => ({ type: "text", content });
