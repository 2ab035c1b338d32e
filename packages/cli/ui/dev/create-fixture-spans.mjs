// Canned spans for the dev fixture server (not shipped): a few traces shaped like what the store keeps
// (StoredSpan of src/web/dev-api-types.ts), including a hostile one. Times are relative to `now`.

const HOSTILE_SCRIPT = "<script>alert(1)</script>";
const HOSTILE_IMG = "<img src=x onerror=alert(1)>";

let counter = 0;
function id(length) {
  counter += 1;
  return counter.toString(16).padStart(length, "0");
}

/** A StoredSpan; `genAi` facts are derived from the attributes the way the server does. */
function span(options) {
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

function chat(options) {
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

const text = (content) => ({ type: "text", content });

/** The support conversation: two traces, content captured, a tool call, redaction markers. */
function supportConversation(now) {
  const spans = [];
  const system = JSON.stringify([text("You are the ACME support bot. Be brief.")]);
  const firstInput = [
    {
      role: "user",
      parts: [
        text("Hi, I'm jane ([REDACTED:email]). Is it raining in Paris? My card is [REDACTED:credit_card]."),
      ],
    },
  ];
  const firstOutput = [
    {
      role: "assistant",
      finish_reason: "tool_call",
      parts: [
        {
          type: "tool_call",
          id: "call_1",
          name: "get_weather",
          arguments: { city: "Paris", unit: "celsius" },
        },
      ],
    },
  ];
  const toolTurn = [
    {
      role: "tool",
      parts: [{ type: "tool_call_response", id: "call_1", response: { sky: "rain", temp: 11 } }],
    },
  ];
  const secondOutput = [
    {
      role: "assistant",
      finish_reason: "stop",
      parts: [text("Yes, it's raining in Paris (11 °C). Take an umbrella!")],
    },
  ];
  const t1 = id(32);
  const start = now - 6 * 60_000;
  const root = span({
    traceId: t1,
    name: "POST /chat",
    startMs: start,
    durationMs: 2480,
    scope: "@opentelemetry/instrumentation-http",
  });
  const call1 = span({
    traceId: t1,
    parentSpanId: root.spanId,
    name: "chat gpt-4o",
    startMs: start + 20,
    durationMs: 910,
    attributes: chat({
      model: "gpt-4o",
      responseModel: "gpt-4o-2024-08-06",
      input: 182,
      output: 24,
      cost: 0.000695,
      finish: ["tool_call"],
      feature: "support-bot",
      conversation: "conv-42",
      extra: {
        "gen_ai.system_instructions": system,
        "gen_ai.input.messages": JSON.stringify(firstInput),
        "gen_ai.output.messages": JSON.stringify(firstOutput),
        "gen_ai.response.time_to_first_chunk": 312.4,
        "gen_ai.request.stream": true,
      },
    }),
  });
  const tool = span({
    traceId: t1,
    parentSpanId: root.spanId,
    name: "execute_tool get_weather",
    startMs: start + 940,
    durationMs: 220,
    attributes: {
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "get_weather",
      "gen_ai.tool.call.id": "call_1",
      "gen_ai.tool.call.arguments": '{"city":"Paris","unit":"celsius"}',
      "gen_ai.tool.call.result": '{"sky":"rain","temp":11}',
    },
  });
  const http = span({
    traceId: t1,
    parentSpanId: tool.spanId,
    name: "GET api.weather.test/v1",
    startMs: start + 960,
    durationMs: 180,
    kind: 3,
    scope: "undici",
  });
  const call2 = span({
    traceId: t1,
    parentSpanId: root.spanId,
    name: "chat gpt-4o",
    startMs: start + 1180,
    durationMs: 1280,
    attributes: chat({
      model: "gpt-4o",
      responseModel: "gpt-4o-2024-08-06",
      input: 240,
      output: 31,
      cost: 0.00091,
      feature: "support-bot",
      conversation: "conv-42",
      extra: {
        "gen_ai.system_instructions": system,
        "gen_ai.input.messages": JSON.stringify([...firstInput, ...firstOutput, ...toolTurn]),
        "gen_ai.output.messages": JSON.stringify(secondOutput),
      },
    }),
  });
  spans.push(root, call1, tool, http, call2);
  const t2 = id(32);
  const start2 = now - 2 * 60_000;
  const root2 = span({
    traceId: t2,
    name: "POST /chat",
    startMs: start2,
    durationMs: 1020,
    scope: "@opentelemetry/instrumentation-http",
  });
  const call3 = span({
    traceId: t2,
    parentSpanId: root2.spanId,
    name: "chat gpt-4o",
    startMs: start2 + 15,
    durationMs: 990,
    attributes: chat({
      model: "gpt-4o",
      input: 300,
      output: 18,
      cost: 0.00093,
      feature: "support-bot",
      conversation: "conv-42",
      extra: {
        "gen_ai.system_instructions": system,
        "gen_ai.input.messages": JSON.stringify([
          ...firstInput,
          ...firstOutput,
          ...toolTurn,
          ...secondOutput,
          { role: "user", parts: [text("Thanks! Call me at [REDACTED:phone] if it stops.")] },
        ]),
        "gen_ai.output.messages": JSON.stringify([
          { role: "assistant", finish_reason: "stop", parts: [text("I can't call, but I'll be here.")] },
        ]),
      },
    }),
  });
  spans.push(root2, call3);
  return spans;
}

/** A failed Anthropic call, a drift event with a model change, and filler traces across models. */
function otherTraces(now, filler) {
  const spans = [];
  const t = id(32);
  const start = now - 30 * 60_000;
  const root = span({
    traceId: t,
    name: "summarize ticket",
    startMs: start,
    durationMs: 3100,
    service: "worker",
    error: "upstream failed",
  });
  const call = span({
    traceId: t,
    parentSpanId: root.spanId,
    name: "chat claude-sonnet-4",
    startMs: start + 5,
    durationMs: 3050,
    service: "worker",
    scope: "@sightline/anthropic",
    error: "429 rate_limit_error",
    attributes: chat({
      provider: "anthropic",
      model: "claude-sonnet-4",
      input: 1200,
      output: 0,
      cost: null,
      feature: "summaries",
      extra: { "error.type": "RateLimitError" },
    }),
    events: [
      {
        name: "exception",
        timeMs: start + 3050,
        attributes: {
          "exception.type": "RateLimitError",
          "exception.message": "429 rate_limit_error: slow down",
        },
      },
    ],
  });
  spans.push(root, call);

  const t2 = id(32);
  const start2 = now - 12 * 60_000;
  const driftCall = span({
    traceId: t2,
    name: "chat gpt-4o-mini",
    startMs: start2,
    durationMs: 640,
    service: "classifier",
    attributes: chat({
      model: "gpt-4o-mini",
      responseModel: "gpt-4o-mini-2025-01-31",
      input: 410,
      output: 6,
      cost: 0.0000651,
      feature: "triage",
    }),
    events: [
      {
        name: "sightline.drift",
        timeMs: start2 + 630,
        attributes: {
          "sightline.drift.kind": "distribution",
          "sightline.drift.signal": "output_tokens",
          "sightline.drift.detector": "ks",
          "sightline.drift.score": 0.41,
          "sightline.drift.threshold": 0.3,
          "sightline.drift.direction": "down",
        },
      },
      {
        name: "sightline.model_change",
        timeMs: start2 + 635,
        attributes: {
          "sightline.drift.previous": "gpt-4o-mini-2024-07-18",
          "sightline.drift.next": "gpt-4o-mini-2025-01-31",
        },
      },
    ],
  });
  spans.push(driftCall);

  const models = [
    ["gpt-4o-mini", "openai", 0.00002],
    ["claude-haiku-4", "anthropic", 0.00004],
    ["gemini-2.5-flash", "google", 0.00001],
    ["text-embedding-3-small", "openai", 0.000001],
  ];
  for (let index = 0; index < filler; index += 1) {
    const [model, provider, perToken] = models[index % models.length];
    const traceId = id(32);
    const startMs = now - (index + 1) * 47 * 60_000 - index * 1234;
    const input = 100 + ((index * 37) % 900);
    const output = model.startsWith("text-") ? 0 : 20 + ((index * 13) % 300);
    const rootSpan = span({
      traceId,
      name: index % 3 === 0 ? "GET /search" : "job: enrich",
      startMs,
      durationMs: 400 + index * 31,
      service: index % 2 ? "search" : "worker",
    });
    spans.push(
      rootSpan,
      span({
        traceId,
        parentSpanId: rootSpan.spanId,
        name: `${model.startsWith("text-") ? "embeddings" : "chat"} ${model}`,
        startMs: startMs + 10,
        durationMs: 350 + index * 29,
        service: rootSpan.resource["service.name"],
        error: index === 9 ? "timeout" : undefined,
        attributes: {
          ...chat({
            provider,
            model,
            input,
            output,
            cost: (input + output) * perToken,
            feature: index % 2 ? "search" : "enrichment",
          }),
          "gen_ai.operation.name": model.startsWith("text-") ? "embeddings" : "chat",
          ...(index === 9 ? { "error.type": "TimeoutError" } : {}),
        },
      }),
    );
  }
  return spans;
}

/** Hostile content everywhere, a 1 MB attribute, malformed content, and a 2,000-deep chain of spans. */
function hostileTrace(now) {
  const traceId = `${"ff".repeat(15)}0a`;
  const start = now - 60_000;
  const root = span({
    traceId,
    name: HOSTILE_SCRIPT,
    startMs: start,
    durationMs: 5000,
    service: HOSTILE_IMG,
  });
  const spans = [root];
  const call = span({
    traceId,
    parentSpanId: root.spanId,
    name: HOSTILE_IMG,
    startMs: start + 10,
    durationMs: 800,
    service: HOSTILE_IMG,
    attributes: chat({
      model: HOSTILE_SCRIPT,
      input: 5,
      output: 5,
      cost: 0.0001,
      feature: HOSTILE_IMG,
      conversation: HOSTILE_SCRIPT,
      extra: {
        "gen_ai.input.messages": JSON.stringify([
          {
            role: "user",
            parts: [text(`${HOSTILE_SCRIPT} ${HOSTILE_IMG} <a href="javascript:alert(1)">x</a>`)],
          },
          { role: HOSTILE_IMG, parts: [{ type: HOSTILE_SCRIPT, content: HOSTILE_IMG }] },
        ]),
        "gen_ai.output.messages": `{not json ${HOSTILE_IMG}`,
        "gen_ai.system_instructions": JSON.stringify({ nested: { deeper: [HOSTILE_SCRIPT] } }),
        "huge.value": `${HOSTILE_SCRIPT}${"x".repeat(1024 * 1024)}`,
        [HOSTILE_IMG]: HOSTILE_SCRIPT,
        "javascript:alert(1)": "javascript:alert(1)",
        "deep.json": `${"[".repeat(5000)}${"]".repeat(5000)}`,
      },
    }),
    events: [{ name: HOSTILE_SCRIPT, timeMs: start + 20, attributes: { [HOSTILE_IMG]: HOSTILE_SCRIPT } }],
  });
  spans.push(call);
  let parent = root.spanId;
  for (let depth = 0; depth < 2000; depth += 1) {
    const child = span({
      traceId,
      parentSpanId: parent,
      name: depth % 500 === 0 ? `${HOSTILE_IMG} depth ${depth}` : `nested ${depth}`,
      startMs: start + 900 + depth,
      durationMs: 4000 - depth * 2,
      service: HOSTILE_IMG,
    });
    spans.push(child);
    parent = child.spanId;
  }
  return spans;
}

/** Every fixture span, grouped by trace id. */
export function createFixtureSpans(now, filler = 28) {
  const byTrace = new Map();
  for (const stored of [...supportConversation(now), ...otherTraces(now, filler), ...hostileTrace(now)]) {
    const list = byTrace.get(stored.traceId) ?? [];
    list.push(stored);
    byTrace.set(stored.traceId, list);
  }
  for (const list of byTrace.values()) list.sort((left, right) => left.startMs - right.startMs);
  return byTrace;
}

/** One small trace, for the live updates the fixture sends. */
export function createLiveTrace(now) {
  const traceId = id(32);
  return [
    span({
      traceId,
      name: "chat gpt-4o-mini",
      startMs: now - 500,
      durationMs: 480,
      service: "live-demo",
      attributes: chat({ model: "gpt-4o-mini", input: 50, output: 12, cost: 0.0000147, feature: "live" }),
    }),
  ];
}
