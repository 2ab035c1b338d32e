import { describe, expect, it } from "vitest";
import { createPriceRegistry } from "./create-price-registry.js";
import { UNIT_PRICE_ENTRIES } from "./unit-price-data.js";

describe("non-token units", () => {
  const registry = createPriceRegistry();

  it("prices images by size and quality for a model without token prices", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "dall-e-3",
      usage: {},
      units: [{ unit: "image", quantity: 2, variant: "1024x1792/hd" }],
    });
    expect(cost).toMatchObject({ total: 0.24, units: 0.24, input: 0, output: 0, modelId: "dall-e-3" });
    expect(cost?.unpricedUnits).toBeUndefined();
  });

  it("prices whisper-1 by the second at 0.006 per minute", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "whisper-1",
      usage: {},
      units: [{ unit: "second", quantity: 90 }],
    });
    expect(cost?.total).toBeCloseTo(0.009, 12);
  });

  it("prices tts characters per 1M", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "tts-1-hd",
      usage: {},
      units: [{ unit: "character", quantity: 1000 }],
    });
    expect(cost?.total).toBe(0.03);
  });

  it("adds built-in tool calls to a token cost exactly", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "gpt-4o",
      usage: { inputTokens: 1000, outputTokens: 100 },
      units: [
        { unit: "web_search_call", quantity: 2 },
        { unit: "file_search_call", quantity: 1 },
      ],
    });
    // tokens 0.0025 + 0.001; calls 2 × 0.01 + 0.0025
    expect(cost).toMatchObject({
      total: 0.026,
      units: 0.0225,
      input: 0.0025,
      output: 0.001,
      modelId: "gpt-4o",
    });
  });

  it("lists units it cannot price and never prices them at zero", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "gpt-4o",
      usage: { inputTokens: 1000 },
      units: [{ unit: "web_search_preview_call", quantity: 1 }],
    });
    expect(cost?.total).toBe(0.0025);
    expect(cost?.units).toBeUndefined();
    expect(cost?.unpricedUnits).toEqual(["web_search_preview_call"]);
  });

  it("leaves a call unpriced when only tool calls are priced and the model's tokens are not", () => {
    expect(
      registry.costOf({
        provider: "openai",
        model: "unknown-model",
        usage: { inputTokens: 10 },
        units: [{ unit: "web_search_call", quantity: 1 }],
      }),
    ).toBeUndefined();
    expect(
      registry.costOf({
        provider: "openai",
        model: "dall-e-3",
        usage: {},
        units: [{ unit: "image", quantity: 1, variant: "4096x4096/hd" }],
      }),
    ).toBeUndefined();
  });

  it("prices Perplexity's per-request search fee by the reported search context size", () => {
    const cost = registry.costOf({
      provider: "perplexity",
      model: "sonar",
      usage: { inputTokens: 1000, outputTokens: 1000 },
      units: [{ unit: "request", quantity: 1, variant: "medium" }],
    });
    // 1000 × 1e-6 + 1000 × 1e-6 + 0.008 (sonar, medium context) = 0.002 + 0.008
    expect(cost).toMatchObject({ input: 0.001, output: 0.001, units: 0.008, total: 0.01 });
    const high = registry.costOf({
      provider: "perplexity",
      model: "sonar-pro",
      usage: { inputTokens: 1000, outputTokens: 1000 },
      units: [{ unit: "request", quantity: 1, variant: "high" }],
    });
    // 1000 × 3e-6 + 1000 × 15e-6 + 0.014 = 0.003 + 0.015 + 0.014
    expect(high).toMatchObject({ units: 0.014, total: 0.032 });
    expect(high?.unpricedUnits).toBeUndefined();
  });

  it("prices sonar-deep-research per search query and per citation token", () => {
    const cost = registry.costOf({
      provider: "perplexity",
      model: "sonar-deep-research",
      usage: { inputTokens: 1000, outputTokens: 1000 },
      units: [
        { unit: "search_query", quantity: 18 },
        { unit: "citation_token", quantity: 500 },
      ],
    });
    // 1000 × 2e-6 + 1000 × 8e-6 = 0.01; 18 × 0.005 = 0.09; 500 × 2e-6 = 0.001; total 0.101
    expect(cost).toMatchObject({ input: 0.002, output: 0.008, units: 0.091, total: 0.101 });
  });

  it("names a search context size it has no fee for instead of pricing it at zero", () => {
    const cost = registry.costOf({
      provider: "perplexity",
      model: "sonar",
      usage: { inputTokens: 1000 },
      units: [{ unit: "request", quantity: 1, variant: "huge" }],
    });
    expect(cost).toMatchObject({ total: 0.001, unpricedUnits: ["request:huge"] });
  });

  it("records provenance on every unit price", () => {
    for (const entry of UNIT_PRICE_ENTRIES) {
      expect(entry.sourceUrl).toMatch(/^https:\/\//);
      expect(entry.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.per).toBeGreaterThan(0);
    }
  });
});
