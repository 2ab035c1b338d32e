import { createDriftMonitor, createPriceRegistry } from "@sightline/core";
import { createTestTelemetry, startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { observeOpenAI } from "./observe-openai.js";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

const ctx = useOpenAITestContext();

describe("cost", () => {
  it("prices the call from the response model and counts the spend", async () => {
    // gpt-4o-mini: $0.15 / 1M input, $0.075 / 1M cached input, $0.60 / 1M output.
    ctx.server.enqueue({
      model: "gpt-4o-mini",
      usage: { inputTokens: 1_000_000, cachedInputTokens: 200_000, outputTokens: 500_000 },
    });
    const client = ctx.observed({ cost: { registry: createPriceRegistry() } });
    await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // 800k × 0.15 + 200k × 0.075 + 500k × 0.60 = 0.12 + 0.015 + 0.30
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.435, 12);
    expect(span?.attributes).toMatchObject({
      "sightline.cost.input": 0.12,
      "sightline.cost.cached_input": 0.015,
      "sightline.cost.output": 0.3,
      "sightline.cost.match": "exact",
      "sightline.cost.model": "gpt-4o-mini",
    });
    expect(span?.attributes["sightline.pricing.version"]).toMatch(/^\d{4}-\d{2}-\d{2}\./);
    const spend = await ctx.telemetry.metricPoints("sightline.gen_ai.cost");
    expect(spend.reduce((sum, point) => sum + (point.value ?? 0), 0)).toBeCloseTo(0.435, 12);
    expect(spend[0]?.attributes["gen_ai.request.model"]).toBe("gpt-4o-mini");
  });

  it("marks an unknown model as unpriced, counts it, and never writes a zero cost", async () => {
    ctx.server.enqueue({ model: "acme-llm-9" });
    const client = ctx.observed();
    await client.chat.completions.create({
      model: "acme-llm-9",
      messages: [{ role: "user", content: "hi" }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.cost.match"]).toBe("unpriced");
    expect(span?.attributes["gen_ai.usage.cost"]).toBeUndefined();
    const unpriced = (await ctx.telemetry.metricPoints("sightline.gen_ai.cost.unpriced")).filter(
      (point) => point.attributes["gen_ai.request.model"] === "acme-llm-9",
    );
    expect(unpriced[0]?.value).toBe(1);
  });

  it("uses a registered override before the catalog", async () => {
    const registry = createPriceRegistry();
    registry.registerModelPrice({
      provider: "openai",
      model: "acme-llm-9",
      prices: { input: "1", output: "2" },
    });
    ctx.server.enqueue({ model: "acme-llm-9", usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } });
    const client = ctx.observed({ cost: { registry } });
    await client.chat.completions.create({
      model: "acme-llm-9",
      messages: [{ role: "user", content: "hi" }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.usage.cost"]).toBe(3);
    expect(span?.attributes["sightline.cost.match"]).toBe("override");
  });
});

describe("drift", () => {
  it("flags a quiet model change at once and longer answers within a window, on spans and metrics", async () => {
    const server = await startMockLLMServer({
      behaviourChange: {
        afterCalls: 60,
        script: {
          model: "gpt-4o-2026-09-01",
          systemFingerprint: "fp_new",
          text: "A much longer answer than before. ".repeat(12),
        },
      },
    });
    const telemetry = createTestTelemetry();
    const monitor = createDriftMonitor({ referenceSize: 40, windowSize: 20, minimumWindowCount: 10 });
    const client = observeOpenAI(
      new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 }),
      {
        tracerProvider: telemetry.tracerProvider,
        meterProvider: telemetry.meterProvider,
        drift: { monitor },
      },
    );
    try {
      for (let call = 0; call < 120; call++) {
        await client.chat.completions.create({
          model: "gpt-4o",
          messages: [{ role: "user", content: `question ${call % 7}` }],
        });
      }
      await waitForSpans(telemetry, 120);
      const spans = telemetry.spans();
      const changes = spans.flatMap((span, index) =>
        span.events
          .filter((event) => event.name === "sightline.model_change")
          .map((event) => ({ index, event })),
      );
      expect(changes.length).toBeGreaterThan(0);
      expect(changes[0]?.index).toBe(60);
      expect(changes.map((change) => change.event.attributes?.["sightline.drift.next"])).toContain(
        "gpt-4o-2026-09-01",
      );
      const drifts = spans.flatMap((span, index) =>
        span.events.filter((event) => event.name === "sightline.drift").map((event) => ({ index, event })),
      );
      const outputDrift = drifts.find(
        (drift) => drift.event.attributes?.["sightline.drift.signal"] === "output_tokens",
      );
      expect(outputDrift).toBeDefined();
      expect(outputDrift?.index).toBeGreaterThanOrEqual(60);
      expect(outputDrift?.index).toBeLessThan(100);
      // Timing signals are left out of this check: on a loopback mock, call durations really do
      // change as the JIT warms up, and the detectors are right to say so.
      const timing = new Set(["duration", "time_to_first_chunk"]);
      const early = drifts.filter(
        (drift) =>
          drift.index < 60 && !timing.has(String(drift.event.attributes?.["sightline.drift.signal"])),
      );
      expect(early).toEqual([]);
      const events = await telemetry.metricPoints("sightline.gen_ai.drift.events");
      expect(events.some((point) => point.attributes["sightline.drift.kind"] === "model_change")).toBe(true);
      const scores = await telemetry.metricPoints("sightline.gen_ai.drift.score");
      expect(scores.some((point) => point.attributes["sightline.drift.signal"] === "output_tokens")).toBe(
        true,
      );
    } finally {
      await server.close();
      await telemetry.shutdown();
    }
  });
});
