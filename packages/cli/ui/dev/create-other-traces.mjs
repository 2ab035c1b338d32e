// The fixture's failed call, drift event with a model change, and plain filler traces across models.
import { chat, id, span } from "./fixture-span-builders.mjs";

/** A failed Anthropic call, a drift event with a model change, and filler traces across models. */
export function otherTraces(now, filler) {
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
