import { expect } from "vitest";
import { createTestTelemetry } from "../create-test-telemetry.js";
import { startMockLLMServer } from "../start-mock-llm-server.js";
import { waitForSpans } from "../use-mock-llm-context.js";
import { registerCase } from "./register-case.js";
import type { ConformanceContext } from "./use-conformance-context.js";

const COST_PARTS = ["sightline.cost.input", "sightline.cost.cached_input", "sightline.cost.output"];

/** Registers the cost cases (catalog, unpriced, override) and the drift case. */
export function registerCostAndDriftCases(ctx: ConformanceContext): void {
  const { adapter } = ctx;

  registerCase(
    ctx,
    "prices a catalog model from the response model, on the span and in the spend counter",
    async () => {
      ctx.server.enqueue({
        model: adapter.pricedModel,
        usage: { inputTokens: 1_000_000, outputTokens: 500_000 },
      });
      const client = ctx.observed({ cost: { registry: adapter.core.createPriceRegistry() } });
      await adapter.call(client, { model: adapter.pricedModel, prompt: "hi" });
      const [span] = await waitForSpans(ctx.telemetry, 1);
      const cost = span?.attributes["gen_ai.usage.cost"];
      expect(cost).toBeTypeOf("number");
      expect(cost).toBeGreaterThan(0);
      const parts = COST_PARTS.reduce((sum, name) => sum + Number(span?.attributes[name] ?? 0), 0);
      expect(cost).toBeCloseTo(parts, 12);
      expect(span?.attributes).toMatchObject({
        "sightline.cost.match": "exact",
        "sightline.cost.model": adapter.pricedModel,
      });
      expect(span?.attributes["sightline.pricing.version"]).toMatch(/^\d{4}-\d{2}-\d{2}\./);
      const spend = (await ctx.telemetry.metricPoints("sightline.gen_ai.cost")).filter(
        (point) => point.attributes["gen_ai.request.model"] === adapter.pricedModel,
      );
      expect(spend.reduce((sum, point) => sum + (point.value ?? 0), 0)).toBeCloseTo(Number(cost), 12);
    },
  );

  registerCase(
    ctx,
    "marks an unknown model as unpriced, counts it, and never writes a zero cost",
    async () => {
      const model = ctx.uniqueModel("unpriced");
      ctx.server.enqueue({ model });
      await adapter.call(ctx.observed(), { model, prompt: "hi" });
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.attributes["sightline.cost.match"]).toBe("unpriced");
      expect(span?.attributes["gen_ai.usage.cost"]).toBeUndefined();
      const unpriced = (await ctx.telemetry.metricPoints("sightline.gen_ai.cost.unpriced")).filter(
        (point) => point.attributes["gen_ai.request.model"] === model,
      );
      expect(unpriced[0]?.value).toBe(1);
    },
  );

  registerCase(ctx, "uses a registered price override before the catalog", async () => {
    const model = ctx.uniqueModel("override");
    const registry = adapter.core.createPriceRegistry();
    registry.registerModelPrice({
      provider: adapter.providerName,
      model,
      prices: { input: "1", output: "2" },
    });
    ctx.server.enqueue({ model, usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } });
    await adapter.call(ctx.observed({ cost: { registry } }), { model, prompt: "hi" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.usage.cost"]).toBe(3);
    expect(span?.attributes["sightline.cost.match"]).toBe("override");
  });

  registerCase(
    ctx,
    "flags a reroute to another model family on the first rerouted call, in the stream of the requested model",
    async () => {
      // A gateway quietly answers requests for one model with another family (shorter answers too).
      const model = ctx.uniqueModel("reroute");
      const monitor = adapter.core.createDriftMonitor({
        referenceSize: 20,
        windowSize: 20,
        minimumWindowCount: 10,
      }) as { snapshot(): { streams: { key: { model: string } }[] } };
      const client = ctx.observed({ drift: { monitor } });
      for (let call = 0; call < 30; call++) {
        ctx.server.enqueue(
          call < 20
            ? { model: `${model}-2026-01-01`, text: "A thorough answer with detail. ".repeat(6) }
            : { model: "rerouted-mini-2026-02-01", text: "Short." },
        );
        await adapter.call(client, { model, prompt: "hi" });
      }
      const spans = await waitForSpans(ctx.telemetry, 30);
      const changes = spans.flatMap((span, index) =>
        span.events
          .filter(
            (event) =>
              event.name === "sightline.model_change" &&
              event.attributes?.["sightline.drift.signal"] === "response_model",
          )
          .map((event) => ({ index, next: event.attributes?.["sightline.drift.next"] })),
      );
      expect(changes).toEqual([{ index: 20, next: "rerouted-mini-2026-02-01" }]);
      expect(monitor.snapshot().streams.map((stream) => stream.key.model)).toEqual([model]);
    },
  );

  registerCase(
    ctx,
    "flags a quiet model change at once and longer answers within a window, on spans and metrics",
    async () => {
      // A server of its own: the model changes behaviour after 60 calls.
      const server = await startMockLLMServer({
        behaviourChange: {
          afterCalls: 60,
          script: {
            model: "conformance-model-2026-09-01",
            text: "A much longer answer than before. ".repeat(12),
          },
        },
      });
      const telemetry = createTestTelemetry();
      const monitor = adapter.core.createDriftMonitor({
        referenceSize: 40,
        windowSize: 20,
        minimumWindowCount: 10,
      });
      const client = adapter.wrap(adapter.createClient(server), {
        tracerProvider: telemetry.tracerProvider,
        meterProvider: telemetry.meterProvider,
        drift: { monitor },
      });
      try {
        for (let call = 0; call < 120; call++) {
          await adapter.call(client, { model: "conformance-model", prompt: `question ${call % 7}` });
        }
        const spans = await waitForSpans(telemetry, 120);
        const eventsNamed = (name: string) =>
          spans.flatMap((span, index) =>
            span.events.filter((event) => event.name === name).map((event) => ({ index, event })),
          );
        const changes = eventsNamed("sightline.model_change");
        expect(changes[0]?.index).toBe(60);
        expect(changes.map((change) => change.event.attributes?.["sightline.drift.next"])).toContain(
          "conformance-model-2026-09-01",
        );
        const drifts = eventsNamed("sightline.drift");
        const outputDrift = drifts.find(
          (drift) => drift.event.attributes?.["sightline.drift.signal"] === "output_tokens",
        );
        expect(outputDrift?.index).toBeGreaterThanOrEqual(60);
        expect(outputDrift?.index).toBeLessThan(100);
        // Timing signals are left out: on a loopback mock, call durations really do change as the JIT warms up.
        const timing = new Set(["duration", "time_to_first_chunk"]);
        const early = drifts.filter(
          (drift) =>
            drift.index < 60 && !timing.has(String(drift.event.attributes?.["sightline.drift.signal"])),
        );
        expect(early).toEqual([]);
        const events = await telemetry.metricPoints("sightline.gen_ai.drift.events");
        expect(events.some((point) => point.attributes["sightline.drift.kind"] === "model_change")).toBe(
          true,
        );
        const scores = await telemetry.metricPoints("sightline.gen_ai.drift.score");
        expect(scores.some((point) => point.attributes["sightline.drift.signal"] === "output_tokens")).toBe(
          true,
        );
      } finally {
        await server.close();
        await telemetry.shutdown();
      }
    },
  );
}
