import { ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { createPriceRegistry } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { useBedrockTestContext, waitForSpans } from "./test-helpers.js";

// Cache-write lifetimes and service tiers on Bedrock. InvokeModel returns Anthropic's own usage, with the
// 5-minute / 1-hour cache-write split; Converse reports one `cacheWriteInputTokens` count, priced at 5 minutes.
const ctx = useBedrockTestContext();
const modelId = "anthropic.claude-sonnet-4-20250514-v1:0";
const registry = () =>
  createPriceRegistry({
    overrides: [
      {
        provider: "aws.bedrock",
        model: modelId,
        prices: { input: 3, output: 15, cacheWrite: 3.75, cacheWrite1h: 6 },
      },
    ],
  });

describe("cache writes on Bedrock", () => {
  it("InvokeModel (Anthropic): prices the 1 hour part of the cache writes at the 1 hour rate", async () => {
    ctx.server.enqueue({
      usage: { inputTokens: 1000, outputTokens: 500 },
      usageFields: {
        cache_creation_input_tokens: 3000,
        cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 },
      },
    });
    await ctx.observed({ cost: { registry: registry() } }).send(
      new InvokeModelCommand({
        modelId,
        contentType: "application/json",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 64,
          messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }],
        }),
      }),
    );
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // 1000 × 3e-6 = 0.003; 1000 × 3.75e-6 + 2000 × 6e-6 = 0.01575; 500 × 15e-6 = 0.0075; total 0.02625
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.input_tokens": 4000,
      "sightline.cost.input": 0.003,
      "sightline.cost.cache_write": 0.01575,
      "sightline.cost.output": 0.0075,
      "gen_ai.usage.cost": 0.02625,
    });
  });

  it("Converse: every cache write at the 5 minute rate (Converse does not split them)", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 1000, cacheCreationInputTokens: 3000, outputTokens: 500 } });
    await ctx
      .observed({ cost: { registry: registry() } })
      .send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: "hi" }] }] }));
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // 1000 × 3e-6 = 0.003; 3000 × 3.75e-6 = 0.01125; 500 × 15e-6 = 0.0075; total 0.02175
    expect(span?.attributes).toMatchObject({
      "sightline.cost.cache_write": 0.01125,
      "gen_ai.usage.cost": 0.02175,
    });
  });
});

describe("service tier on Bedrock", () => {
  it("Converse: prices the tier the response reports (serviceTier.type)", async () => {
    ctx.server.enqueue({
      usage: { inputTokens: 100_000, outputTokens: 100_000 },
      responseFields: { serviceTier: { type: "flex" } },
    });
    const tiered = createPriceRegistry({
      overrides: [
        {
          provider: "aws.bedrock",
          model: modelId,
          prices: { input: 3, output: 15 },
          serviceTiers: { flex: { input: 1.5, output: 7.5 } },
        },
      ],
    });
    await ctx
      .observed({ cost: { registry: tiered } })
      .send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: "hi" }] }] }));
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // 100k × 1.5e-6 + 100k × 7.5e-6 = 0.15 + 0.75 (list price would be 1.8)
    expect(span?.attributes["gen_ai.usage.cost"]).toBe(0.9);
  });
});
