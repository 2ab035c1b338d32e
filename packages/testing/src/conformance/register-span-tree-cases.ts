import { context, SpanKind, trace } from "@opentelemetry/api";
import { expect } from "vitest";
import { settle, waitForSpans } from "../use-mock-llm-context.js";
import { drainStream } from "./drain-stream.js";
import { registerCase } from "./register-case.js";
import type { ConformanceContext } from "./use-conformance-context.js";

/** Registers the cases about which spans a call makes: one per call, under the caller's span, ids kept apart. */
export function registerSpanTreeCases(ctx: ConformanceContext): void {
  const { adapter } = ctx;
  const tracer = () => ctx.telemetry.tracerProvider.getTracer("conformance-caller");

  registerCase(
    ctx,
    "a plain call is one CLIENT span named after its operation and model, in the provider's scope",
    async () => {
      const model = ctx.uniqueModel("plain");
      const result = await adapter.call(ctx.observed(), { model, prompt: "hi" });
      expect(adapter.resultText(result)).toBe("Hello from the Sightline mock.");
      const spans = await waitForSpans(ctx.telemetry, 1);
      await settle();
      expect(ctx.telemetry.spans()).toHaveLength(1);
      const url = new URL(ctx.server.url);
      expect(spans[0]?.name).toBe(`${adapter.operationName} ${model}`);
      expect(spans[0]?.kind).toBe(SpanKind.CLIENT);
      expect(spans[0]?.instrumentationScope.name).toBe(adapter.scopeName);
      expect(spans[0]?.attributes).toMatchObject({
        "gen_ai.operation.name": adapter.operationName,
        "gen_ai.provider.name": adapter.providerName,
        "gen_ai.request.model": model,
        "gen_ai.response.id": adapter.responseId(result),
        "gen_ai.response.finish_reasons": [adapter.stopFinishReason],
        "server.address": url.hostname,
        "server.port": Number(url.port),
      });
      expect(spans[0]?.attributes["gen_ai.request.stream"]).toBeUndefined();
    },
  );

  registerCase(ctx, "wrapping the same client twice gives one span per call, counted once", async () => {
    const client = ctx.observed();
    adapter.wrap(client, {
      tracerProvider: ctx.telemetry.tracerProvider,
      meterProvider: ctx.telemetry.meterProvider,
    });
    const model = ctx.uniqueModel("twice");
    await adapter.call(client, { model, prompt: "hi" });
    await drainStream(await adapter.stream(client, { model, prompt: "hi" }), {
      chunkText: adapter.chunkText,
    });
    await waitForSpans(ctx.telemetry, 2);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(2);
    const durations = (await ctx.telemetry.metricPoints("gen_ai.client.operation.duration")).filter(
      (point) => point.attributes["gen_ai.request.model"] === model,
    );
    expect(durations.reduce((sum, point) => sum + (point.count ?? 0), 0)).toBe(2);
  });

  registerCase(ctx, "a call inside an active span is its child, in the same trace", async () => {
    const client = ctx.observed();
    const parent = tracer().startSpan("caller");
    await context.with(trace.setSpan(context.active(), parent), () =>
      adapter.call(client, { model: ctx.uniqueModel("child"), prompt: "hi" }),
    );
    parent.end();
    const spans = await waitForSpans(ctx.telemetry, 2);
    const call = spans.find((span) => span.name !== "caller");
    expect(call?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(call?.spanContext().traceId).toBe(parent.spanContext().traceId);
  });

  registerCase(
    ctx,
    "a stream read outside the caller's span stays a child of the span active at the call",
    async () => {
      const client = ctx.observed();
      const parent = tracer().startSpan("caller");
      const stream = await context.with(trace.setSpan(context.active(), parent), () =>
        adapter.stream(client, { model: ctx.uniqueModel("stream-child"), prompt: "hi" }),
      );
      parent.end();
      // Read in the root context, as an app that hands the stream to a response writer would.
      await context.with(trace.deleteSpan(context.active()), () =>
        drainStream(stream, { chunkText: adapter.chunkText }),
      );
      const spans = await waitForSpans(ctx.telemetry, 2);
      const call = spans.find((span) => span.name !== "caller");
      expect(call?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
      expect(call?.attributes["sightline.stream.outcome"]).toBe("completed");
    },
  );

  registerCase(
    ctx,
    "N parallel calls are N spans, each under its own caller, with its own response",
    async () => {
      const client = ctx.observed();
      const calls = Array.from({ length: 8 }, (_, index) => index);
      const results = await Promise.all(
        calls.map(async (index) => {
          const parent = tracer().startSpan(`caller-${index}`);
          const model = ctx.uniqueModel(`parallel-${index}`);
          try {
            const result = await context.with(trace.setSpan(context.active(), parent), () =>
              index % 2 === 0
                ? adapter.call(client, { model, prompt: `question ${index}` })
                : adapter
                    .stream(client, { model, prompt: `question ${index}` })
                    .then((stream) => drainStream(stream, { chunkText: adapter.chunkText })),
            );
            return { parent: parent.spanContext().spanId, model, result, streamed: index % 2 === 1 };
          } finally {
            parent.end();
          }
        }),
      );
      const spans = await waitForSpans(ctx.telemetry, 16);
      await settle();
      const callSpans = ctx.telemetry.spans().filter((span) => !span.name.startsWith("caller-"));
      expect(callSpans).toHaveLength(8);
      expect(new Set(callSpans.map((span) => span.spanContext().spanId)).size).toBe(8);
      for (const { parent, model, result, streamed } of results) {
        const span = spans.find((candidate) => candidate.attributes["gen_ai.request.model"] === model);
        expect(span?.parentSpanContext?.spanId).toBe(parent);
        expect(span?.attributes["gen_ai.request.stream"]).toBe(streamed ? true : undefined);
        if (!streamed) expect(span?.attributes["gen_ai.response.id"]).toBe(adapter.responseId(result));
      }
    },
  );
}
