import { createPriceRegistry } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

// Unpriced models, overrides and drift: conformance.test.ts. Here: the catalog's numbers for an OpenAI model.
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
});
