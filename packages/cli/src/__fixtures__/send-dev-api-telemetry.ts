import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPTraceExporter as OTLPJsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtobufTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";

/** Test helper: the OTLP/JSON body of `traceCount` traces of `spansPerTrace` GenAI spans each, for `service`. */
export function createOtlpJsonTraces(options: {
  service: string;
  startMs: number;
  traceCount: number;
  spansPerTrace: number;
  seed: number;
}): string {
  const spans = [];
  for (let traceIndex = 0; traceIndex < options.traceCount; traceIndex += 1) {
    const traceId = (options.seed * 1_000_000 + traceIndex + 1).toString(16).padStart(32, "0");
    for (let spanIndex = 0; spanIndex < options.spansPerTrace; spanIndex += 1) {
      const startNano = BigInt(Math.round(options.startMs + traceIndex)) * 1_000_000n;
      spans.push({
        traceId,
        spanId: (spanIndex + 1).toString(16).padStart(16, "0"),
        ...(spanIndex > 0 ? { parentSpanId: "1".padStart(16, "0") } : {}),
        name: spanIndex === 0 ? "embeddings text-embedding-3-small" : `step ${spanIndex}`,
        kind: 3,
        startTimeUnixNano: String(startNano),
        endTimeUnixNano: String(startNano + 50_000_000n),
        attributes: [
          { key: "gen_ai.operation.name", value: { stringValue: "embeddings" } },
          { key: "gen_ai.provider.name", value: { stringValue: "openai" } },
          { key: "gen_ai.request.model", value: { stringValue: "text-embedding-3-small" } },
          { key: "gen_ai.usage.input_tokens", value: { intValue: "7" } },
        ],
      });
    }
  }
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: options.service } }] },
        scopeSpans: [{ scope: { name: "raw" }, spans }],
      },
    ],
  });
}

/** The times the API test's traces start at, relative to `baseMs`. */
export const OFFSETS = { chat: 0, summarize: 10_000, embed: 20_000 };

/**
 * Test helper: sends the API test's two SDK traces: `POST /chat` (OTLP/JSON, gpt-4o with drift and a model
 * change) and `POST /summarize` (OTLP/protobuf, a failed Claude call), both in conversation `conv-1`.
 */
export async function sendSdkTraces(options: { url: string; baseMs: number }): Promise<void> {
  const at = (offset: number) => new Date(options.baseMs + offset);
  const json = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter: new OTLPJsonTraceExporter({ url: `${options.url}/v1/traces` }) })],
  });
  const tracer = json.getTracer("app");
  const root = tracer.startSpan("POST /chat", { startTime: at(OFFSETS.chat) });
  const chat = tracer.startSpan(
    "chat gpt-4o",
    {
      startTime: at(OFFSETS.chat + 100),
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.response.model": "gpt-4o-2024-08-06",
        "gen_ai.usage.input_tokens": 100,
        "gen_ai.usage.output_tokens": 20,
        "gen_ai.usage.cost": 0.01,
        "gen_ai.response.finish_reasons": ["stop"],
        "gen_ai.conversation.id": "conv-1",
        "gen_ai.response.time_to_first_chunk": 0.25,
        "sightline.feature": "support",
      },
    },
    trace.setSpan(context.active(), root),
  );
  chat.addEvent(
    "sightline.model_change",
    { "sightline.drift.previous": "gpt-4o-2024-05-13", "sightline.drift.next": "gpt-4o-2024-08-06" },
    at(OFFSETS.chat + 600),
  );
  chat.addEvent("sightline.drift", { "sightline.drift.signal": "output_tokens", "sightline.drift.score": 1.4 }, at(OFFSETS.chat + 700));
  chat.end(at(OFFSETS.chat + 800));
  root.end(at(OFFSETS.chat + 1000));
  await json.shutdown();

  const protobuf = new TracerProvider({
    spanProcessors: [
      new SimpleSpanProcessor({ exporter: new OTLPProtobufTraceExporter({ url: `${options.url}/v1/traces` }) }),
    ],
  });
  const tracer2 = protobuf.getTracer("app");
  const root2 = tracer2.startSpan("POST /summarize", { startTime: at(OFFSETS.summarize) });
  const claude = tracer2.startSpan(
    "chat claude-sonnet-4",
    {
      startTime: at(OFFSETS.summarize + 50),
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "anthropic",
        "gen_ai.request.model": "claude-sonnet-4",
        "gen_ai.usage.input_tokens": 50,
        "gen_ai.usage.output_tokens": 10,
        "gen_ai.usage.cost": 0.002,
        "gen_ai.conversation.id": "conv-1",
        "sightline.feature": "summaries",
        "error.type": "RateLimitError",
      },
    },
    trace.setSpan(context.active(), root2),
  );
  claude.setStatus({ code: SpanStatusCode.ERROR, message: "rate limited" });
  claude.end(at(OFFSETS.summarize + 2950));
  root2.end(at(OFFSETS.summarize + 3000));
  await protobuf.shutdown();
}

/** Test helper: exports a drift score gauge and a budget's used and limit gauges through a real MeterProvider. */
export async function sendMetrics(options: { url: string }): Promise<void> {
  const reader = new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url: `${options.url}/v1/metrics` }),
    exportIntervalMillis: 60_000,
  });
  const provider = new MeterProvider({ readers: [reader] });
  const meter = provider.getMeter("sightline");
  meter.createGauge("sightline.gen_ai.drift.score").record(0.4, {
    "sightline.drift.signal": "output_tokens",
    "sightline.model.family": "gpt-4o",
  });
  const budget = { "sightline.budget.name": "monthly", "sightline.budget.unit": "usd", "sightline.budget.window": "month" };
  meter.createGauge("sightline.budget.used").record(3.5, budget);
  meter.createGauge("sightline.budget.limit").record(10, budget);
  await provider.shutdown();
}
