import { describe, expect, it } from "vitest";
import { createPriceRegistry } from "./create-price-registry.js";
import { resolveRoutedModel } from "./resolve-routed-model.js";
import type { CatalogEntry } from "./types.js";

const registry = createPriceRegistry();

describe("resolveRoutedModel", () => {
  it("splits OpenRouter's vendor/model names for pass-through vendors only", () => {
    expect(resolveRoutedModel("openrouter", "anthropic/claude-sonnet-4.5")).toEqual({
      vendor: "anthropic",
      model: "claude-sonnet-4.5",
    });
    expect(resolveRoutedModel("openrouter", "google/gemini-2.5-pro")).toEqual({
      vendor: "gcp.gemini",
      model: "gemini-2.5-pro",
    });
    expect(resolveRoutedModel("openrouter", "x-ai/grok-4")).toEqual({ vendor: "x_ai", model: "grok-4" });
    // Open-weight models are served by third parties at their own prices; `:free` variants cost nothing.
    expect(resolveRoutedModel("openrouter", "deepseek/deepseek-chat")).toBeUndefined();
    expect(resolveRoutedModel("openrouter", "meta-llama/llama-3.3-70b-instruct")).toBeUndefined();
    expect(resolveRoutedModel("openrouter", "openai/gpt-oss-20b:free")).toBeUndefined();
    expect(resolveRoutedModel("openrouter", "gpt-4o")).toBeUndefined();
  });

  it("drops OpenRouter variant suffixes and reorders its claude-4.5-sonnet spelling", () => {
    expect(resolveRoutedModel("openrouter", "anthropic/claude-3.7-sonnet:thinking")?.model).toBe(
      "claude-3.7-sonnet",
    );
    expect(resolveRoutedModel("openrouter", "anthropic/claude-4.5-sonnet-20250929")?.model).toBe(
      "claude-sonnet-4-5-20250929",
    );
  });

  it("gives an unknown OpenAI-compatible host the model's own vendor, or none", () => {
    expect(resolveRoutedModel("openai_compatible", "gpt-4o")).toEqual({ vendor: undefined, model: "gpt-4o" });
    expect(resolveRoutedModel("openai_compatible", "openai/gpt-4o")).toEqual({
      vendor: "openai",
      model: "gpt-4o",
    });
    expect(resolveRoutedModel("openai_compatible", "meta-llama/Llama-3-8B")).toBeUndefined();
    expect(resolveRoutedModel("groq", "openai/gpt-oss-120b")).toBeUndefined();
  });
});

describe("OpenRouter names against the vendors' catalogs", () => {
  const entry = (provider: string, id: string, aliases?: string[]): CatalogEntry => ({
    provider,
    id,
    ...(aliases ? { aliases } : {}),
    prices: { input: "1.00", output: "2.00" },
    sourceUrl: "https://example.com/pricing",
    source: "test",
    checkedAt: "2026-12-03",
  });
  const local = createPriceRegistry({
    catalog: [
      entry("openai", "gpt-5", ["gpt-5-2025-08-07"]),
      entry("gcp.gemini", "gemini-2.5-pro"),
      entry("anthropic", "claude-opus-4-1-20250805", ["claude-opus-4-1"]),
      entry("anthropic", "claude-opus-4-20250514", ["claude-opus-4-0"]),
      entry("anthropic", "claude-3-7-sonnet-20250219", ["claude-3-7-sonnet-latest"]),
      entry("x_ai", "grok-4-0709", ["grok-4"]),
      entry("mistral_ai", "mistral-large-2411"),
    ],
  });

  it.each([
    ["openai/gpt-5", "gpt-5"],
    ["openai/gpt-5:nitro", "gpt-5"],
    ["openai/gpt-5:floor", "gpt-5"],
    ["openai/gpt-5:online", "gpt-5"],
    ["google/gemini-2.5-pro", "gemini-2.5-pro"],
    ["anthropic/claude-opus-4.1", "claude-opus-4-1-20250805"],
    ["anthropic/claude-opus-4", "claude-opus-4-20250514"],
    ["anthropic/claude-3.7-sonnet", "claude-3-7-sonnet-20250219"],
    ["anthropic/claude-3.7-sonnet:thinking", "claude-3-7-sonnet-20250219"],
    ["x-ai/grok-4", "grok-4-0709"],
    ["mistralai/mistral-large-2411", "mistral-large-2411"],
  ])("%s → %s", (model, id) => {
    expect(local.resolveModel({ provider: "openrouter", model })).toMatchObject({
      entry: { id },
      match: "normalized",
    });
  });

  it.each([
    // `:free` costs nothing and `:extended` is priced apart by OpenRouter; neither is the vendor's list price.
    "openai/gpt-5:free",
    "openai/gpt-5:extended",
    "anthropic/claude-3.5-haiku",
    "mistralai/mistral-small-3.2-24b-instruct",
    "meta-llama/llama-3.3-70b-instruct",
  ])("%s is unpriced", (model) => {
    expect(local.resolveModel({ provider: "openrouter", model })).toBeUndefined();
  });
});

describe("OpenAI-compatible host prices", () => {
  const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };

  it("prices OpenRouter's vendor/model at the vendor's list price", () => {
    const small = { inputTokens: 100_000, outputTokens: 100_000 };
    const cost = registry.costOf({
      provider: "openrouter",
      model: "anthropic/claude-sonnet-4.5",
      usage: small,
    });
    // 100k × 3.00e-6 + 100k × 15.00e-6 (below Sonnet 4.5's 200k long-context tier)
    expect(cost).toMatchObject({ total: 1.8, provider: "anthropic", modelId: "claude-sonnet-4-5-20250929" });
    expect(cost?.match).toBe("normalized");
    const dated = registry.costOf({
      provider: "openrouter",
      model: "anthropic/claude-4.5-sonnet-20250929",
      usage: small,
    });
    expect(dated?.total).toBe(1.8);
    expect(registry.costOf({ provider: "openrouter", model: "openai/gpt-4o", usage })?.total).toBe(12.5);
    expect(
      registry.costOf({ provider: "openrouter", model: "deepseek/deepseek-chat", usage }),
    ).toBeUndefined();
  });

  it("prices an unknown host's first-party model names as a family match, and never a local model", () => {
    const cost = registry.costOf({ provider: "openai_compatible", model: "gpt-4o-mini", usage });
    expect(cost).toMatchObject({ total: 0.75, provider: "openai", match: "family" });
    expect(registry.costOf({ provider: "openai_compatible", model: "llama3.2", usage })).toBeUndefined();
    expect(registry.costOf({ provider: "ollama", model: "gpt-oss:20b", usage })).toBeUndefined();
    expect(registry.costOf({ provider: "vllm", model: "gpt-4o", usage })).toBeUndefined();
  });

  it("prices Together, Fireworks and Perplexity from their own catalogs", () => {
    expect(
      registry.costOf({ provider: "together_ai", model: "meta-llama/Llama-3.3-70B-Instruct-Turbo", usage }),
    ).toMatchObject({ total: 2.08, match: "exact" });
    expect(
      registry.costOf({
        provider: "fireworks_ai",
        model: "accounts/fireworks/models/llama-v3p3-70b-instruct",
        usage,
      }),
    ).toMatchObject({ total: 1.8, match: "exact" });
    expect(registry.costOf({ provider: "fireworks", model: "llama-v3p1-8b-instruct", usage })).toMatchObject({
      total: 0.2,
      match: "normalized",
    });
    expect(registry.costOf({ provider: "perplexity", model: "sonar-pro", usage })).toMatchObject({
      total: 18,
    });
    // Deep research prices reasoning apart: 1M in × 2 + 0.5M answer × 8 + 0.5M reasoning × 3.
    const research = registry.costOf({
      provider: "perplexity",
      model: "sonar-deep-research",
      usage: { ...usage, reasoningOutputTokens: 500_000 },
    });
    expect(research?.total).toBe(7.5);
  });

  it("prices DeepSeek's cache hits at the hit rate (the measured 0.00049 → 0.0003388)", () => {
    // 400 miss × 0.28e-6 + 600 hit × 0.028e-6 + 500 out × 0.42e-6 = 0.000112 + 0.0000168 + 0.00021
    const cached = registry.costOf({
      provider: "deepseek",
      model: "deepseek-chat",
      usage: { inputTokens: 1000, cacheReadInputTokens: 600, outputTokens: 500 },
    });
    expect(cached?.total).toBeCloseTo(0.0003388, 15);
    const uncached = registry.costOf({
      provider: "deepseek",
      model: "deepseek-chat",
      usage: { inputTokens: 1000, outputTokens: 500 },
    });
    expect(uncached?.total).toBeCloseTo(0.00049, 15);
  });
});
