import { context, SpanKind, trace } from "@opentelemetry/api";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, describe, expect, it } from "vitest";
import { observePromise } from "../follow/observe-promise.js";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import { createSightlineSpanProcessor } from "./create-sightline-span-processor.js";
import { markSightlineOperation } from "./sightline-operation-context.js";

const telemetry = createTestTelemetry();
afterAll(() => telemetry.shutdown());

function setup(options: { processor: boolean }) {
  const exporter = new InMemorySpanExporter();
  const spanProcessors: SpanProcessor[] = [new SimpleSpanProcessor({ exporter })];
  if (options.processor) {
    spanProcessors.push(
      createSightlineSpanProcessor({ meterProvider: telemetry.meterProvider }) as unknown as SpanProcessor,
    );
  }
  const provider = new TracerProvider({ spanProcessors });
  const instrumentation = createInstrumentation({
    scopeName: "@sightline/test",
    scopeVersion: "0",
    options: { tracerProvider: provider, meterProvider: telemetry.meterProvider, drift: false },
  });
  return { exporter, provider, instrumentation };
}

/** One Sightline-recorded call, answered after a tick with the given usage. */
function sightlineCall(
  instrumentation: ReturnType<typeof setup>["instrumentation"],
  options: { model: string; invoke?: () => Promise<string> },
): Promise<string> {
  return instrumentation.traceOperation({
    request: { operation: "chat", model: options.model },
    target: { provider: "openai", serverAddress: options.model },
    invoke: options.invoke ?? (() => new Promise<string>((resolve) => setTimeout(() => resolve("ok"), 1))),
    observe: (result, operation) =>
      observePromise(result, {
        operation,
        onValue: () =>
          operation.succeed({ model: "gpt-4o-mini", usage: { inputTokens: 30, outputTokens: 10 } }),
      }),
  });
}

async function inputTokenSamples(serverAddress: string): Promise<number> {
  const points = (await telemetry.metricPoints("gen_ai.client.token.usage")).filter(
    (point) =>
      point.attributes["server.address"] === serverAddress &&
      point.attributes["gen_ai.token.type"] === "input",
  );
  return points.reduce((total, point) => total + (point.count ?? 0), 0);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("one model call is one GenAI span, counted once", () => {
  it("a Sightline wrapper inside another tool's open GenAI CLIENT span records onto it instead of starting its own", async () => {
    const { exporter, instrumentation, provider } = setup({ processor: true });
    const foreign = provider.getTracer("gen_ai").startSpan("chat gpt-4o-mini", {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4o-mini",
      },
    });
    await context.with(trace.setSpan(context.active(), foreign), () =>
      sightlineCall(instrumentation, { model: "attach-inner" }),
    );
    await settle();
    foreign.end();
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.instrumentationScope.name).toBe("gen_ai");
    expect(spans[0]?.attributes["gen_ai.usage.input_tokens"]).toBe(30);
    expect(spans[0]?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    expect(spans[0]?.attributes["sightline.recorded_by"]).toBe("@sightline/test");
    // Sightline's samples only: the processor leaves a span Sightline recorded alone.
    expect(await inputTokenSamples("attach-inner")).toBe(1);
  });

  it("when the other tool ends its span before the attached Sightline call finishes (a stream), the span still gets its cost, counted once", async () => {
    const { exporter, instrumentation, provider } = setup({ processor: true });
    const foreign = provider.getTracer("gen_ai").startSpan("chat gpt-4o-mini", {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4o-mini",
      },
    });
    let finish: (() => void) | undefined;
    context.with(trace.setSpan(context.active(), foreign), () =>
      instrumentation.traceOperation({
        request: { operation: "chat", model: "gpt-4o-mini" },
        target: { provider: "openai", serverAddress: "attach-ended-first" },
        invoke: () => "stream",
        observe: (_result, operation) => {
          finish = () =>
            operation.succeed({ model: "gpt-4o-mini", usage: { inputTokens: 30, outputTokens: 10 } });
        },
      }),
    );
    // The owner writes the usage it saw and ends its span first; Sightline's follower finishes after.
    foreign.setAttributes({ "gen_ai.usage.input_tokens": 30, "gen_ai.usage.output_tokens": 10 });
    foreign.end();
    finish?.();
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    expect(await inputTokenSamples("attach-ended-first")).toBe(1);
    const costPoints = (await telemetry.metricPoints("sightline.gen_ai.cost")).filter(
      (point) => point.attributes["server.address"] === "attach-ended-first",
    );
    expect(costPoints.reduce((total, point) => total + (point.value ?? 0), 0)).toBeCloseTo(
      spans[0]?.attributes["gen_ai.usage.cost"] as number,
      12,
    );
  });

  it("another tool's GenAI CLIENT span for the same call under a Sightline span is kept out of export (either processor order)", async () => {
    for (const processorFirst of [false, true]) {
      const exporter = new InMemorySpanExporter();
      const sightline = createSightlineSpanProcessor({
        meterProvider: telemetry.meterProvider,
      }) as unknown as SpanProcessor;
      const exporting = new SimpleSpanProcessor({ exporter });
      const provider = new TracerProvider({
        spanProcessors: processorFirst ? [sightline, exporting] : [exporting, sightline],
      });
      const instrumentation = createInstrumentation({
        scopeName: "@sightline/test",
        scopeVersion: "0",
        options: { tracerProvider: provider, meterProvider: telemetry.meterProvider, drift: false },
      });
      const serverAddress = `twin-${processorFirst}`;
      await sightlineCall(instrumentation, {
        model: serverAddress,
        // What a patched client does beneath Sightline's wrapper: its own span, ended before ours.
        invoke: () => {
          const twin = provider.getTracer("other-tool").startSpan("chat gpt-4o-mini", {
            kind: SpanKind.CLIENT,
            attributes: {
              "gen_ai.operation.name": "chat",
              "gen_ai.system": "openai",
              "gen_ai.request.model": "gpt-4o-mini",
            },
          });
          return new Promise<string>((resolve) =>
            setTimeout(() => {
              twin.setAttributes({ "gen_ai.usage.input_tokens": 30, "gen_ai.usage.output_tokens": 10 });
              twin.end();
              resolve("ok");
            }, 1),
          );
        },
      });
      await settle();
      const spans = exporter.getFinishedSpans();
      expect(spans.map((span) => span.instrumentationScope.name)).toEqual(["@sightline/test"]);
      expect(spans[0]?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
      expect(await inputTokenSamples(serverAddress)).toBe(1);
    }
  });

  it("a second Sightline wrapper (or an integration that marked the call) inside a Sightline operation records nothing", async () => {
    const { exporter, instrumentation } = setup({ processor: false });
    await sightlineCall(instrumentation, {
      model: "nested-outer",
      invoke: () => sightlineCall(instrumentation, { model: "nested-inner" }),
    });
    await context.with(markSightlineOperation(context.active(), { operation: "chat" }), () =>
      sightlineCall(instrumentation, { model: "marked" }),
    );
    await settle();
    expect(exporter.getFinishedSpans().map((span) => span.attributes["server.address"])).toEqual([
      "nested-outer",
    ]);
    expect(await inputTokenSamples("nested-inner")).toBe(0);
    expect(await inputTokenSamples("marked")).toBe(0);
  });
});
