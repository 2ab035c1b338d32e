import {
  context,
  type DiagLogger,
  DiagLogLevel,
  diag,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { createDriftMonitor } from "@sightline/drift";
import { getDefaultPriceRegistry } from "@sightline/pricing";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createSightlineSpanProcessor } from "./create-sightline-span-processor.js";

const telemetry = createTestTelemetry();
const silentLogger = { error() {}, warn() {}, info() {}, debug() {}, verbose() {} };
afterAll(() => telemetry.shutdown());

type Order = "processor first" | "exporter first";

/** A tracer provider with Sightline's processor beside an exporting one, in either order. */
function createProvider(order: Order) {
  const exporter = new InMemorySpanExporter();
  const sightline = createSightlineSpanProcessor({
    meterProvider: telemetry.meterProvider,
    drift: { monitor: createDriftMonitor() },
  }) as unknown as SpanProcessor;
  const exporting = new SimpleSpanProcessor({ exporter });
  const spanProcessors = order === "processor first" ? [sightline, exporting] : [exporting, sightline];
  const provider = new TracerProvider({ spanProcessors });
  return { provider, exporter };
}

/** Starts a span as `parent`'s child and runs `body` inside it. */
function within<T>(parent: Span | undefined, run: () => T): T {
  return parent ? context.with(trace.setSpan(context.active(), parent), run) : run();
}

/** What `@ai-sdk/otel` 1.x makes of one generateText call: invoke_agent → agent_step → chat. */
function emitAiSdkCall(provider: TracerProvider, model: string): void {
  const tracer = provider.getTracer("gen_ai");
  const usage = { "gen_ai.usage.input_tokens": 30, "gen_ai.usage.output_tokens": 10 };
  const agent = tracer.startSpan(`invoke_agent ${model}`, {
    kind: SpanKind.INTERNAL,
    attributes: {
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": model,
    },
  });
  const step = within(agent, () =>
    tracer.startSpan("step 1", {
      kind: SpanKind.INTERNAL,
      attributes: { "gen_ai.operation.name": "agent_step" },
    }),
  );
  const chat = within(step, () =>
    tracer.startSpan(`chat ${model}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": model,
      },
    }),
  );
  chat.setAttributes({
    "gen_ai.response.model": model,
    "gen_ai.response.finish_reasons": ["stop"],
    "gen_ai.usage.cache_read.input_tokens": 0,
    ...usage,
  });
  chat.end();
  step.setAttributes(usage);
  step.end();
  agent.setAttributes(usage);
  agent.end();
}

async function sumOf(name: string, filter: (attributes: Record<string, unknown>) => boolean) {
  const points = (await telemetry.metricPoints(name)).filter((point) => filter(point.attributes));
  return {
    count: points.reduce((total, point) => total + (point.count ?? 1), 0),
    sum: points.reduce((total, point) => total + (point.sum ?? point.value ?? 0), 0),
  };
}

function byName(spans: ReadableSpan[], prefix: string): ReadableSpan | undefined {
  return spans.find((span) => span.name.startsWith(prefix));
}

describe("createSightlineSpanProcessor: other tools' GenAI spans", () => {
  for (const order of ["processor first", "exporter first"] as const) {
    it(`prices the AI SDK's chat span and never its invoke_agent or step roll-ups (${order})`, async () => {
      const { provider, exporter } = createProvider(order);
      const model = "gpt-4o-mini-2024-07-18";
      emitAiSdkCall(provider, model);
      const spans = exporter.getFinishedSpans();
      const chat = byName(spans, "chat");
      const expected = getDefaultPriceRegistry().costOf({
        provider: "openai",
        model,
        usage: { inputTokens: 30, outputTokens: 10, cacheReadInputTokens: 0 },
      });
      expect(chat?.attributes["gen_ai.usage.cost"]).toBe(expected?.total);
      expect(chat?.attributes["sightline.cost.model"]).toBe("gpt-4o-mini");
      expect(chat?.attributes["sightline.recorded_by"]).toBe("@sightline/core");
      for (const rollUp of [byName(spans, "invoke_agent"), byName(spans, "step")]) {
        expect(rollUp?.attributes["gen_ai.usage.cost"]).toBeUndefined();
        expect(rollUp?.attributes["sightline.cost.match"]).toBeUndefined();
      }
      await provider.shutdown();
    });
  }

  it("counts one AI SDK call once in the token, duration and cost metrics", async () => {
    const { provider } = createProvider("exporter first");
    const model = "gpt-4o-mini";
    const before = {
      input: await sumOf(
        "gen_ai.client.token.usage",
        (a) => a["gen_ai.request.model"] === model && a["gen_ai.token.type"] === "input",
      ),
      duration: await sumOf("gen_ai.client.operation.duration", (a) => a["gen_ai.request.model"] === model),
      cost: await sumOf("sightline.gen_ai.cost", (a) => a["gen_ai.request.model"] === model),
    };
    expect(before.input.count).toBe(0);
    emitAiSdkCall(provider, model);
    const input = await sumOf(
      "gen_ai.client.token.usage",
      (a) => a["gen_ai.request.model"] === model && a["gen_ai.token.type"] === "input",
    );
    const output = await sumOf(
      "gen_ai.client.token.usage",
      (a) => a["gen_ai.request.model"] === model && a["gen_ai.token.type"] === "output",
    );
    const duration = await sumOf(
      "gen_ai.client.operation.duration",
      (a) => a["gen_ai.request.model"] === model,
    );
    const cost = await sumOf("sightline.gen_ai.cost", (a) => a["gen_ai.request.model"] === model);
    expect(input).toEqual({ count: 1, sum: 30 });
    expect(output).toEqual({ count: 1, sum: 10 });
    expect(duration.count).toBe(1);
    expect(cost.sum).toBeCloseTo(
      getDefaultPriceRegistry().costOf({
        provider: "openai",
        model,
        usage: { inputTokens: 30, outputTokens: 10 },
      })?.total ?? Number.NaN,
      12,
    );
    await provider.shutdown();
  });

  it("prices Anthropic's native span with cache reads, cache writes (its gen_ai.usage.cache_write name) and stop reason", async () => {
    const { provider, exporter } = createProvider("processor first");
    const tracer = provider.getTracer("com.anthropic.sdk.typescript", "1.14.0");
    const span = tracer.startSpan("anthropic.messages.create", {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "anthropic",
        "gen_ai.request.model": "claude-sonnet-4-5",
        "server.address": "api.anthropic.com",
      },
    });
    span.setAttributes({
      "gen_ai.response.model": "claude-sonnet-4-5-20250929",
      // The SDK's input_tokens is the sum with both cache counts, as semconv asks.
      "gen_ai.usage.input_tokens": 1200,
      "gen_ai.usage.cache_read.input_tokens": 1000,
      "gen_ai.usage.cache_write.input_tokens": 100,
      "gen_ai.usage.output_tokens": 50,
      "anthropic.message.stop_reason": "end_turn",
    });
    span.end();
    const [exported] = exporter.getFinishedSpans();
    const expected = getDefaultPriceRegistry().costOf({
      provider: "anthropic",
      model: "claude-sonnet-4-5-20250929",
      usage: { inputTokens: 1200, outputTokens: 50, cacheReadInputTokens: 1000, cacheWriteInputTokens: 100 },
    });
    expect(expected?.cacheWrite).toBeGreaterThan(0);
    expect(exported?.attributes["gen_ai.usage.cost"]).toBe(expected?.total);
    expect(exported?.attributes["sightline.cost.cache_write"]).toBe(expected?.cacheWrite);
    expect(exported?.attributes["sightline.cost.cached_input"]).toBe(expected?.cachedInput);
    await provider.shutdown();
  });

  it("reads the legacy gen_ai.system of OTel contrib's OpenAI spans, and leaves their semconv metrics to them", async () => {
    const { provider, exporter } = createProvider("exporter first");
    const model = "gpt-4o-mini-2024-07-18";
    const span = provider
      .getTracer("@opentelemetry/instrumentation-openai", "0.22.0")
      .startSpan(`chat ${model}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.system": "openai",
          "gen_ai.request.model": "gpt-4o-mini",
          "server.address": "contrib.test",
        },
      });
    span.setAttributes({
      "gen_ai.response.model": model,
      "gen_ai.usage.input_tokens": 5,
      "gen_ai.usage.output_tokens": 2,
    });
    span.end();
    expect(exporter.getFinishedSpans()[0]?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    const fromContrib = (a: Record<string, unknown>) => a["server.address"] === "contrib.test";
    const tokens = await sumOf("gen_ai.client.token.usage", fromContrib);
    expect(tokens.count).toBe(0);
    const cost = await sumOf("sightline.gen_ai.cost", fromContrib);
    expect(cost.sum).toBeGreaterThan(0);
    await provider.shutdown();
  });

  it("leaves Sightline's own spans, non-GenAI spans and tool spans alone; an unknown model is marked unpriced, not zero", async () => {
    const { provider, exporter } = createProvider("processor first");
    const ours = provider.getTracer("@sightline/openai").startSpan("chat gpt-4o-mini", {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.usage.input_tokens": 3,
      },
    });
    ours.end();
    const http = provider
      .getTracer("http")
      .startSpan("POST", { kind: SpanKind.CLIENT, attributes: { "http.request.method": "POST" } });
    http.end();
    const tool = provider.getTracer("gen_ai").startSpan("execute_tool weather", {
      attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "weather" },
    });
    tool.end();
    const unknown = provider.getTracer("gen_ai").startSpan("chat no-such-model", {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "no-such-model",
        "gen_ai.usage.input_tokens": 3,
        "gen_ai.usage.output_tokens": 1,
      },
    });
    unknown.setStatus({ code: SpanStatusCode.OK });
    unknown.end();
    const [ownSpan, httpSpan, toolSpan, unknownSpan] = exporter.getFinishedSpans();
    expect(ownSpan?.attributes["sightline.cost.match"]).toBeUndefined();
    expect(ownSpan?.attributes["sightline.recorded_by"]).toBeUndefined();
    expect(Object.keys(httpSpan?.attributes ?? {})).toEqual(["http.request.method"]);
    expect(toolSpan?.attributes["sightline.cost.match"]).toBeUndefined();
    expect(unknownSpan?.attributes["sightline.cost.match"]).toBe("unpriced");
    expect(unknownSpan?.attributes["gen_ai.usage.cost"]).toBeUndefined();
    await provider.shutdown();
  });

  it("on an SDK that never calls onEnding it prices nothing and says once to wrap the exporter instead", () => {
    const warnings: string[] = [];
    diag.setLogger(
      { ...silentLogger, warn: (message: string) => warnings.push(message) } as DiagLogger,
      DiagLogLevel.WARN,
    );
    try {
      const processor = createSightlineSpanProcessor({ meterProvider: telemetry.meterProvider });
      const span = {
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.provider.name": "openai",
          "gen_ai.usage.input_tokens": 1,
        },
        instrumentationScope: { name: "gen_ai" },
      };
      processor.onEnd(span);
      processor.onEnd(span);
      expect(warnings.filter((warning) => warning.includes("createSightlineSpanExporter"))).toHaveLength(1);
    } finally {
      diag.disable();
    }
  });
});
