import { describe, expect, it } from "vitest";
import { createPriceRegistry } from "./create-price-registry.js";
import { resolveModel } from "./resolve-model.js";

const registry = createPriceRegistry({ azureDeployments: { "Prod-Chat": "gpt-4o-mini" } });

describe("resolveModel", () => {
  it.each([
    // [provider, model, expected entry id, expected match]
    ["openai", "gpt-4o", "gpt-4o", "exact"],
    ["openai", "GPT-4o", "gpt-4o", "normalized"],
    ["openai", "gpt-4o-2024-08-06", "gpt-4o", "alias"],
    ["openai", "gpt-4o-2024-05-13", "gpt-4o-2024-05-13", "exact"],
    ["openai", "gpt-4o-mini-2025-02-01", "gpt-4o-mini", "family"],
    [undefined, "openai/gpt-4o", "gpt-4o", "normalized"],
    [undefined, "claude-sonnet-4-0", "claude-sonnet-4-20250514", "alias"],
    ["anthropic", "anthropic/claude-3.5-haiku-latest", "claude-3-5-haiku-20241022", "normalized"],
    [
      "aws.bedrock",
      "apac.anthropic.claude-3-5-sonnet-20240620-v1:0",
      "anthropic.claude-3-5-sonnet-20241022-v2:0",
      "normalized",
    ],
    [
      undefined,
      "us.anthropic.claude-sonnet-4-20250514-v1:0",
      "us.anthropic.claude-sonnet-4-20250514-v1:0",
      "exact",
    ],
    [
      "bedrock",
      "bedrock/global.anthropic.claude-haiku-4-5-20251001-v1:0",
      "global.anthropic.claude-haiku-4-5-20251001-v1:0",
      "normalized",
    ],
    ["gcp.vertex_ai", "claude-3-5-haiku@20241022", "claude-3-5-haiku@20241022", "exact"],
    [undefined, "claude-sonnet-4@20250514", "claude-sonnet-4-20250514", "family"],
    ["gcp.gemini", "models/gemini-2.5-pro", "gemini-2.5-pro", "normalized"],
    ["gemini", "gemini-2.0-flash-001", "gemini-2.0-flash", "alias"],
    ["azure.ai.openai", "prod-chat", "gpt-4o-mini", "alias"],
    ["azure", "azure/gpt-4.1", "gpt-4.1", "normalized"],
    ["mistral_ai", "magistral-medium-2509", "magistral-medium-latest", "family"],
    ["x_ai", "grok-4.3-20260501", "grok-4.3", "family"],
    ["xai", "xai/grok-code-fast-1", "grok-code-fast-1", "normalized"],
    ["deepseek", "deepseek-reasoner", "deepseek-reasoner", "exact"],
    ["groq", "llama-3.1-8b-instant", "llama-3.1-8b-instant", "exact"],
  ] as const)("%s %s → %s (%s)", (provider, model, id, match) => {
    const resolved = registry.resolveModel(provider === undefined ? { model } : { provider, model });
    expect(resolved?.entry.id).toBe(id);
    expect(resolved?.match).toBe(match);
  });

  it.each([
    ["openai", "gpt-4o-audio-preview"],
    ["openai", "gpt-5-turbo"],
    ["anthropic", "gpt-4o"],
    ["gcp.vertex_ai", "llama-3.3-70b-versatile"],
    ["aws.bedrock", "us.anthropic.claude-unknown-20990101-v1:0"],
    ["openai", "   "],
  ])("%s %s is unknown", (provider, model) => {
    expect(registry.resolveModel({ provider, model })).toBeUndefined();
  });

  it("never folds a differently priced snapshot into its family", () => {
    const family = registry.resolveModel({ provider: "openai", model: "gpt-4o" });
    const snapshot = registry.resolveModel({ provider: "openai", model: "gpt-4o-2024-05-13" });
    expect(snapshot?.entry.prices.input).not.toBe(family?.entry.prices.input);
  });

  it("picks the price valid on the call date", () => {
    expect(
      registry.resolveModel({ provider: "openai", model: "o3", at: "2025-06-09" })?.entry.prices.input,
    ).toBe("10.00");
    expect(
      registry.resolveModel({ provider: "openai", model: "o3", at: "2025-06-10" })?.entry.prices.input,
    ).toBe("2.00");
    expect(registry.resolveModel({ provider: "openai", model: "o3" })?.entry.prices.input).toBe("2.00");
  });

  it("lets overrides win and forgets cached resolutions when prices change", () => {
    const local = createPriceRegistry();
    expect(local.resolveModel({ provider: "openai", model: "gpt-4o" })?.match).toBe("exact");
    local.registerModelPrice({ model: "gpt-4o", prices: { input: 1, output: 1 } });
    expect(local.resolveModel({ provider: "openai", model: "gpt-4o" })?.match).toBe("override");
    // A provider-scoped override does not leak to other providers.
    local.registerModelPrice({ provider: "groq", model: "gpt-4o-mini", prices: { input: 1, output: 1 } });
    expect(local.resolveModel({ provider: "openai", model: "gpt-4o-mini" })?.match).toBe("exact");
  });

  it("resolves deployments registered later", () => {
    const local = createPriceRegistry();
    expect(local.resolveModel({ provider: "azure.ai.openai", model: "team-a" })).toBeUndefined();
    local.registerAzureDeployment("team-a", "gpt-4.1-2025-04-14");
    expect(local.resolveModel({ provider: "azure.ai.openai", model: "team-a" })).toMatchObject({
      entry: { id: "gpt-4.1", provider: "azure.ai.openai" },
      match: "alias",
    });
  });

  it("the package-level function uses the bundled catalog", () => {
    expect(resolveModel({ provider: "openai", model: "gpt-4o" })?.match).toBe("exact");
  });
});

describe("listModels", () => {
  it("lists current entries of one provider in any spelling", () => {
    const registryModels = registry.listModels("bedrock");
    expect(registryModels.length).toBeGreaterThan(0);
    expect(registryModels.every((entry) => entry.provider === "aws.bedrock")).toBe(true);
    expect(registry.listModels("openai").filter((entry) => entry.id === "o3")).toHaveLength(1);
  });

  it("covers every provider the issue names, each entry with a source and a check date", () => {
    const providers = new Set(registry.listModels().map((entry) => entry.provider));
    for (const provider of [
      "openai",
      "anthropic",
      "aws.bedrock",
      "gcp.gemini",
      "azure.ai.openai",
      "mistral_ai",
      "deepseek",
      "x_ai",
      "groq",
    ]) {
      expect(providers.has(provider)).toBe(true);
    }
    for (const entry of registry.listModels()) {
      expect(entry.sourceUrl).toMatch(/^https:\/\//);
      expect(entry.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
