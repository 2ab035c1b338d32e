import { createPriceRegistry } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { useAnthropicTestContext, waitForSpans } from "./test-helpers.js";

// Cache-write lifetimes and the service tier Anthropic reports, through the real client against the mock.
// claude-sonnet-4-20250514 (sources/anthropic.json): input 3.00, cache read 0.30, 5-minute write 3.75,
// 1-hour write 6.00, output 15.00 per 1M tokens; batch 0.5 × list.
const ctx = useAnthropicTestContext();
const model = "claude-sonnet-4-20250514";
const request = { model, max_tokens: 64, messages: [{ role: "user" as const, content: "hi" }] };
// 1,000 uncached input tokens, 3,000 written to the cache (1,000 for 5 minutes, 2,000 for 1 hour), 500 output.
const cachedCall = {
  model,
  usage: { inputTokens: 1000, cacheCreationInputTokens: 3000, outputTokens: 500 },
  usageFields: { cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 } },
};

describe("cache writes with a 1 hour lifetime", () => {
  // 1000 × 3e-6 = 0.003; 1000 × 3.75e-6 + 2000 × 6e-6 = 0.00375 + 0.012 = 0.01575; 500 × 15e-6 = 0.0075
  const expected = {
    "gen_ai.usage.input_tokens": 4000,
    "gen_ai.usage.cache_creation.input_tokens": 3000,
    "sightline.cost.input": 0.003,
    "sightline.cost.cache_write": 0.01575,
    "sightline.cost.output": 0.0075,
    "gen_ai.usage.cost": 0.02625,
  };

  it("prices the 1 hour part of a message's cache writes at the 1 hour rate", async () => {
    ctx.server.enqueue(cachedCall);
    await ctx.observed({ cost: { registry: createPriceRegistry() } }).messages.create(request);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject(expected);
  });

  it("does the same for a streamed message", async () => {
    ctx.server.enqueue(cachedCall);
    const stream = await ctx
      .observed({ cost: { registry: createPriceRegistry() } })
      .messages.create({ ...request, stream: true });
    for await (const _event of stream) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject(expected);
  });
});

describe("service tier the response reports", () => {
  // 100k tokens each way: below the 200k long-context threshold, where Sonnet 4's prices change.
  const call = { model, usage: { inputTokens: 100_000, outputTokens: 100_000 } };

  it("prices usage.service_tier batch at the batch price", async () => {
    ctx.server.enqueue({ ...call, usageFields: { service_tier: "batch" } });
    await ctx.observed({ cost: { registry: createPriceRegistry() } }).messages.create(request);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // 0.5 × (100k × 3e-6 + 100k × 15e-6) = 0.15 + 0.75
    expect(span?.attributes["gen_ai.usage.cost"]).toBe(0.9);
  });

  it("prices usage.service_tier priority at a tier price when one is registered", async () => {
    ctx.server.enqueue({ ...call, usageFields: { service_tier: "priority" } });
    const registry = createPriceRegistry({
      overrides: [
        {
          provider: "anthropic",
          model,
          prices: { input: 3, output: 15 },
          serviceTiers: { priority: { input: 4.5, output: 22.5 } },
        },
      ],
    });
    await ctx.observed({ cost: { registry } }).messages.create(request);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // 100k × 4.5e-6 + 100k × 22.5e-6 = 0.45 + 2.25
    expect(span?.attributes["gen_ai.usage.cost"]).toBe(2.7);
  });

  it("falls back to list price for a tier the catalog does not price", async () => {
    ctx.server.enqueue({ ...call, usageFields: { service_tier: "priority" } });
    await ctx.observed({ cost: { registry: createPriceRegistry() } }).messages.create(request);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // 100k × 3e-6 + 100k × 15e-6 = 0.3 + 1.5
    expect(span?.attributes["gen_ai.usage.cost"]).toBe(1.8);
  });
});

describe("a response model the catalog cannot place", () => {
  const call = { usage: { inputTokens: 1000, outputTokens: 500 } };

  it("is priced as the model the caller asked for, and says which model was priced", async () => {
    ctx.server.enqueue({ ...call, model: "claude-sonnet-4-20250514-hosted-v2" });
    await ctx.observed({ cost: { registry: createPriceRegistry() } }).messages.create(request);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.response.model": "claude-sonnet-4-20250514-hosted-v2",
      "sightline.cost.model": model,
      "sightline.cost.match": "exact",
    });
    // 1000 × 3e-6 + 500 × 15e-6
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.0105, 12);
  });

  it("stays unpriced when neither model has a price", async () => {
    ctx.server.enqueue({ ...call, model: "claude-unknown-hosted" });
    await ctx
      .observed({ cost: { registry: createPriceRegistry() } })
      .messages.create({ ...request, model: "claude-unknown" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.cost.match"]).toBe("unpriced");
    expect(span?.attributes["gen_ai.usage.cost"]).toBeUndefined();
  });
});
