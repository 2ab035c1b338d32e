import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { createSightlineSpanProcessor } from "@sightline/core";
import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { observeOpenAI } from "./observe-openai.js";
import { settle, useOpenAITestContext } from "./test-helpers.js";

/**
 * Sightline's OpenAI wrapper stacked with OpenInference's published OpenAI instrumentation
 * (`@arizeai/openinference-instrumentation-openai` 4.2.7, which patches the `openai` class prototype and
 * makes INTERNAL spans with `openinference.span.kind = LLM` and `llm.*` attributes), the real `openai` 7
 * client against the mock server over HTTP.
 */
const ctx = useOpenAITestContext();
const MODEL = "gpt-4o-mini";
const OPENINFERENCE_SCOPE = "@arizeai/openinference-instrumentation-openai";

let unpatch: (() => void) | undefined;
afterEach(() => {
  unpatch?.();
  unpatch = undefined;
});

function registerOpenInference(provider: TracerProvider): void {
  const instrumentation = new OpenAIInstrumentation();
  instrumentation.setTracerProvider(provider);
  const module = { OpenAI };
  instrumentation.manuallyInstrument(module as never);
  unpatch = () => instrumentation.disable();
}

function setup(options: { registration: "openinference first" | "sightline first"; processor: boolean }) {
  const exporter = new InMemorySpanExporter();
  const exporting = new SimpleSpanProcessor({ exporter });
  const spanProcessors: SpanProcessor[] = options.processor
    ? [createSightlineSpanProcessor({ meterProvider: ctx.telemetry.meterProvider }), exporting]
    : [exporting];
  const provider = new TracerProvider({ spanProcessors });
  const wrap = () =>
    observeOpenAI(new OpenAI({ apiKey: "test-key", baseURL: ctx.server.openaiBaseURL, maxRetries: 0 }), {
      tracerProvider: provider,
      meterProvider: ctx.telemetry.meterProvider,
    });
  let client: OpenAI;
  if (options.registration === "openinference first") {
    registerOpenInference(provider);
    client = wrap();
  } else {
    client = wrap();
    registerOpenInference(provider);
  }
  return { exporter, client };
}

async function inputSamples(): Promise<{ count: number; sum: number }> {
  const points = (await ctx.telemetry.metricPoints("gen_ai.client.token.usage")).filter(
    // OpenInference names only the answering model (gpt-4o-mini-2026-01-01 from the mock), read as both.
    (point) =>
      String(point.attributes["gen_ai.request.model"]).startsWith(MODEL) &&
      point.attributes["gen_ai.token.type"] === "input",
  );
  return {
    count: points.reduce((total, point) => total + (point.count ?? 0), 0),
    sum: points.reduce((total, point) => total + (point.sum ?? 0), 0),
  };
}

async function callTwice(client: OpenAI): Promise<{ count: number; sum: number }> {
  const before = await inputSamples();
  for (const _ of [1, 2]) {
    ctx.server.enqueue({ usage: { inputTokens: 11, outputTokens: 3 } });
    await client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "hi" }] });
  }
  await settle();
  const after = await inputSamples();
  return { count: after.count - before.count, sum: after.sum - before.sum };
}

/** Spans that are a model call: semconv `chat`, or OpenInference's LLM kind. */
function modelCallSpans(exporter: InMemorySpanExporter) {
  return exporter
    .getFinishedSpans()
    .filter(
      (span) =>
        span.attributes["gen_ai.operation.name"] === "chat" ||
        span.attributes["openinference.span.kind"] === "LLM",
    );
}

describe("Sightline's OpenAI wrapper beside @arizeai/openinference-instrumentation-openai 4.2.7", () => {
  it("the problem: without Sightline's span processor, two calls are four model-call spans", async () => {
    const { exporter, client } = setup({ registration: "openinference first", processor: false });
    await callTwice(client);
    const scopes = modelCallSpans(exporter).map((span) => span.instrumentationScope.name);
    expect(scopes.sort()).toEqual([
      OPENINFERENCE_SCOPE,
      OPENINFERENCE_SCOPE,
      "@sightline/openai",
      "@sightline/openai",
    ]);
  });

  for (const registration of ["openinference first", "sightline first"] as const) {
    it(`two calls are two model-call spans with tokens and cost, counted once (${registration})`, async () => {
      const { exporter, client } = setup({ registration, processor: true });
      const measured = await callTwice(client);
      const spans = modelCallSpans(exporter);
      expect(spans.map((span) => span.instrumentationScope.name)).toEqual([
        "@sightline/openai",
        "@sightline/openai",
      ]);
      for (const span of spans) {
        expect(span.attributes["gen_ai.usage.input_tokens"]).toBe(11);
        expect(span.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
      }
      expect(measured).toEqual({ count: 2, sum: 22 });
    });
  }

  it("the unwrapped client's OpenInference spans are priced by the processor from their llm.* attributes", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({
      spanProcessors: [
        new SimpleSpanProcessor({ exporter }),
        createSightlineSpanProcessor({ meterProvider: ctx.telemetry.meterProvider }),
      ],
    });
    registerOpenInference(provider);
    const raw = ctx.raw();
    ctx.server.enqueue({ usage: { inputTokens: 11, outputTokens: 3 } });
    const before = await inputSamples();
    await raw.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "hi" }] });
    await settle();
    const [span] = modelCallSpans(exporter);
    expect(span?.instrumentationScope.name).toBe(OPENINFERENCE_SCOPE);
    expect(span?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    const after = await inputSamples();
    expect(after.count - before.count).toBe(1);
  });
});
