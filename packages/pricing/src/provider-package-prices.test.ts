import { describe, expect, it } from "vitest";
import { createPriceRegistry } from "./create-price-registry.js";

// Models reached through @sightline/mistral, @sightline/bedrock and @sightline/cohere, priced from LiteLLM's
// model_prices_and_context_window_backup.json (litellm 1.110.2 wheel, read 2026-12-03). Rates are USD per 1M
// tokens, so a rate of 0.50 is 0.5e-6 per token; each comment shows the arithmetic.
const registry = createPriceRegistry();

describe("prices for the provider packages' models", () => {
  it("prices mistral-large-latest with its cache-read rate", () => {
    // 800 × 0.5e-6 + 200 × 0.05e-6 + 500 × 1.5e-6 = 0.0004 + 0.00001 + 0.00075
    const cost = registry.costOf({
      provider: "mistral_ai",
      model: "mistral-large-latest",
      usage: { inputTokens: 1000, cacheReadInputTokens: 200, outputTokens: 500 },
    });
    expect(cost).toMatchObject({
      total: 0.00116,
      input: 0.0004,
      cachedInput: 0.00001,
      output: 0.00075,
      match: "exact",
      modelId: "mistral-large-latest",
    });
  });

  it("prices a dated Mistral embedding name through its alias, input only", () => {
    // 2500 × 0.1e-6
    const cost = registry.costOf({
      provider: "mistral_ai",
      model: "mistral-embed-2312",
      usage: { inputTokens: 2500, outputTokens: 0 },
    });
    expect(cost).toMatchObject({ total: 0.00025, match: "alias", modelId: "mistral-embed" });
  });

  it("does not fold a dated magistral-small snapshot into the -latest price", () => {
    expect(
      registry.costOf({
        provider: "mistral_ai",
        model: "magistral-small-2509",
        usage: { inputTokens: 1000, outputTokens: 1000 },
      }),
    ).toBeUndefined();
  });

  it("prices a us. inference-profile Claude id at the regional rate", () => {
    // 2000 × 5.5e-6 + 1000 × 27.5e-6 = 0.011 + 0.0275
    const cost = registry.costOf({
      provider: "aws.bedrock",
      model: "us.anthropic.claude-opus-4-5-20251101-v1:0",
      usage: { inputTokens: 2000, outputTokens: 1000 },
    });
    expect(cost).toMatchObject({
      total: 0.0385,
      input: 0.011,
      output: 0.0275,
      match: "exact",
      modelId: "us.anthropic.claude-opus-4-5-20251101-v1:0",
    });
  });

  it("prices the global Claude id without the regional premium", () => {
    // 2000 × 5e-6 + 1000 × 25e-6 = 0.01 + 0.025
    const cost = registry.costOf({
      provider: "aws.bedrock",
      model: "global.anthropic.claude-opus-4-5-20251101-v1:0",
      usage: { inputTokens: 2000, outputTokens: 1000 },
    });
    expect(cost).toMatchObject({ total: 0.035, match: "exact" });
  });

  it("prices cache reads and writes on a us. Claude 3.7 Sonnet id as a Bedrock entry, not a family fallback", () => {
    // 4000 × 3e-6 + 4000 × 0.3e-6 + 2000 × 3.75e-6 + 1000 × 15e-6 = 0.012 + 0.0012 + 0.0075 + 0.015
    const cost = registry.costOf({
      provider: "aws.bedrock",
      model: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
      usage: {
        inputTokens: 10_000,
        cacheReadInputTokens: 4000,
        cacheWriteInputTokens: 2000,
        outputTokens: 1000,
      },
    });
    expect(cost).toMatchObject({
      total: 0.0357,
      input: 0.012,
      cachedInput: 0.0012,
      cacheWrite: 0.0075,
      output: 0.015,
      match: "exact",
      provider: "aws.bedrock",
      modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
    });
  });

  it("prices a Titan text embedding, input only", () => {
    // 12345 × 0.02e-6
    const cost = registry.costOf({
      provider: "aws.bedrock",
      model: "amazon.titan-embed-text-v2:0",
      usage: { inputTokens: 12_345, outputTokens: 0 },
    });
    expect(cost).toMatchObject({ total: 0.0002469, match: "exact" });
  });

  it("prices Llama 3.3, Nova Premier and Jamba on Bedrock", () => {
    // 1000 × 0.72e-6 + 1000 × 0.72e-6
    expect(
      registry.costOf({
        provider: "aws.bedrock",
        model: "us.meta.llama3-3-70b-instruct-v1:0",
        usage: { inputTokens: 1000, outputTokens: 1000 },
      }),
    ).toMatchObject({ total: 0.00144, match: "exact" });
    // 1000 × 2.5e-6 + 1000 × 12.5e-6
    expect(
      registry.costOf({
        provider: "aws.bedrock",
        model: "us.amazon.nova-premier-v1:0",
        usage: { inputTokens: 1000, outputTokens: 1000 },
      }),
    ).toMatchObject({ total: 0.015, match: "normalized" });
    // 1000 × 2e-6 + 1000 × 8e-6
    expect(
      registry.costOf({
        provider: "aws.bedrock",
        model: "ai21.jamba-1-5-large-v1:0",
        usage: { inputTokens: 1000, outputTokens: 1000 },
      }),
    ).toMatchObject({ total: 0.01, match: "exact" });
  });

  it("prices a Cohere light embedding model", () => {
    // 5000 × 0.1e-6
    expect(
      registry.costOf({
        provider: "cohere",
        model: "embed-english-light-v3.0",
        usage: { inputTokens: 5000, outputTokens: 0 },
      }),
    ).toMatchObject({ total: 0.0005, match: "exact" });
  });
});
