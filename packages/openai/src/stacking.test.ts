import { OpenAIInstrumentation } from "@opentelemetry/instrumentation-openai";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { createSightlineSpanProcessor } from "@sightline/core";
import type OpenAI7 from "openai";
import OpenAI6 from "openai6";
import { afterEach, describe, expect, it } from "vitest";
import { observeOpenAI } from "./observe-openai.js";
import { settle, useOpenAITestContext } from "./test-helpers.js";

/**
 * Sightline's OpenAI wrapper stacked with OTel contrib's published OpenAI instrumentation
 * (`@opentelemetry/instrumentation-openai` 0.22.0, which patches `openai` >=4.19 <7 at the class
 * prototype), the real `openai` 6 client against the mock server over HTTP.
 */
const ctx = useOpenAITestContext();
const MODULE = { OpenAI: OpenAI6 };
const CONTRIB_SCOPE = "@opentelemetry/instrumentation-openai";

type Registration = "contrib first" | "sightline first";
type ProcessorPlace = "before the exporter" | "after the exporter" | "absent";

let unpatch: (() => void) | undefined;
afterEach(() => {
  unpatch?.();
  unpatch = undefined;
});

function registerContrib(provider: TracerProvider): void {
  const instrumentation = new OpenAIInstrumentation();
  instrumentation.setTracerProvider(provider);
  instrumentation.setMeterProvider(ctx.telemetry.meterProvider);
  // What its module hook does when `openai` is loaded (vitest's loader is not hooked).
  const [definition] = instrumentation.getModuleDefinitions();
  definition?.patch?.(MODULE, "6.49.0");
  unpatch = () => definition?.unpatch?.(MODULE, "6.49.0");
}

function setup(registration: Registration, place: ProcessorPlace) {
  const exporter = new InMemorySpanExporter();
  const exporting = new SimpleSpanProcessor({ exporter });
  const sightline = createSightlineSpanProcessor({
    meterProvider: ctx.telemetry.meterProvider,
  }) as unknown as SpanProcessor;
  const spanProcessors =
    place === "absent"
      ? [exporting]
      : place === "before the exporter"
        ? [sightline, exporting]
        : [exporting, sightline];
  const provider = new TracerProvider({ spanProcessors });
  const wrap = () =>
    observeOpenAI(
      new OpenAI6({
        apiKey: "test-key",
        baseURL: ctx.server.openaiBaseURL,
        maxRetries: 0,
      }) as unknown as OpenAI7,
      { tracerProvider: provider, meterProvider: ctx.telemetry.meterProvider },
    );
  let client: OpenAI7;
  if (registration === "contrib first") {
    registerContrib(provider);
    client = wrap();
  } else {
    client = wrap();
    registerContrib(provider);
  }
  return { exporter, client };
}

/** Samples and sums of a metric for one request model, across every instrumentation scope. */
async function metricTotals(name: string, model: string, tokenType?: string) {
  const points = (await ctx.telemetry.metricPoints(name)).filter(
    (point) =>
      point.attributes["gen_ai.request.model"] === model &&
      (tokenType === undefined || point.attributes["gen_ai.token.type"] === tokenType),
  );
  return {
    count: points.reduce((total, point) => total + (point.count ?? 1), 0),
    sum: points.reduce((total, point) => total + (point.sum ?? point.value ?? 0), 0),
  };
}

async function measure(model: string) {
  return {
    input: await metricTotals("gen_ai.client.token.usage", model, "input"),
    output: await metricTotals("gen_ai.client.token.usage", model, "output"),
    duration: (await metricTotals("gen_ai.client.operation.duration", model)).count,
    cost: await metricTotals("sightline.gen_ai.cost", model),
  };
}

/** What one call added to every metric (they are cumulative across the file's tests). */
async function measureCall(model: string, call: () => Promise<void>) {
  const before = await measure(model);
  await call();
  await settle();
  const after = await measure(model);
  const minus = (a: { count: number; sum: number }, b: { count: number; sum: number }) => ({
    count: a.count - b.count,
    sum: a.sum - b.sum,
  });
  return {
    input: minus(after.input, before.input),
    output: minus(after.output, before.output),
    duration: after.duration - before.duration,
    cost: minus(after.cost, before.cost),
  };
}

/** A model the price catalog knows, so the call has a cost. */
const MODEL = "gpt-4o-mini";

describe("Sightline's OpenAI wrapper beside @opentelemetry/instrumentation-openai 0.22.0", () => {
  it("the problem: with both on and no Sightline span processor, one call is two GenAI spans and its tokens count twice", async () => {
    const { exporter, client } = setup("contrib first", "absent");
    ctx.server.enqueue({ usage: { inputTokens: 11, outputTokens: 3 } });
    const measured = await measureCall(MODEL, async () => {
      await client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "hi" }] });
    });
    const genAI = exporter
      .getFinishedSpans()
      .filter((span) => span.attributes["gen_ai.operation.name"] === "chat");
    expect(genAI.map((span) => span.instrumentationScope.name).sort()).toEqual([
      CONTRIB_SCOPE,
      "@sightline/openai",
    ]);
    expect(measured.input).toEqual({ count: 2, sum: 22 });
  });

  for (const registration of ["contrib first", "sightline first"] as const) {
    for (const place of ["before the exporter", "after the exporter"] as const) {
      for (const stream of [false, true]) {
        it(`one call is one inference span with tokens and cost, counted once (${registration}, processor ${place}${stream ? ", streaming" : ""})`, async () => {
          const { exporter, client } = setup(registration, place);
          ctx.server.enqueue({ usage: { inputTokens: 11, outputTokens: 3 } });
          const measured = await measureCall(MODEL, async () => {
            if (stream) {
              const chunks = await client.chat.completions.create({
                model: MODEL,
                messages: [{ role: "user", content: "hi" }],
                stream: true,
                stream_options: { include_usage: true },
              });
              for await (const _chunk of chunks) {
                // drain
              }
            } else {
              await client.chat.completions.create({
                model: MODEL,
                messages: [{ role: "user", content: "hi" }],
              });
            }
          });
          const inference = exporter
            .getFinishedSpans()
            .filter((span) => span.attributes["gen_ai.operation.name"] === "chat");
          expect(inference).toHaveLength(1);
          const [span] = inference;
          expect(span?.instrumentationScope.name).toBe("@sightline/openai");
          expect(span?.attributes["gen_ai.usage.input_tokens"]).toBe(11);
          expect(span?.attributes["gen_ai.usage.output_tokens"]).toBe(3);
          expect(span?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
          expect(measured.input).toEqual({ count: 1, sum: 11 });
          expect(measured.output).toEqual({ count: 1, sum: 3 });
          expect(measured.duration).toBe(1);
          expect(measured.cost.sum).toBeCloseTo(span?.attributes["gen_ai.usage.cost"] as number, 12);
        });
      }
    }
  }
});
