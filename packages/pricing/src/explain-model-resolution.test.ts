import { describe, expect, it } from "vitest";
import { createPriceRegistry } from "./create-price-registry.js";
import { explainModelResolution } from "./explain-model-resolution.js";
import type { CatalogEntry } from "./types.js";

const entry = (provider: string, id: string): CatalogEntry => ({
  provider,
  id,
  prices: { input: "1.00", output: "2.00" },
  sourceUrl: "https://example.com/pricing",
  source: "test",
  checkedAt: "2026-12-03",
});

describe("explainModelResolution", () => {
  const registry = createPriceRegistry({
    catalog: [
      entry("openai", "ft:gpt-4o-mini"),
      entry("aws.bedrock", "anthropic.claude-instant-v1"),
      entry("aws.bedrock", "us-east-1/anthropic.claude-instant-v1"),
      entry("anthropic", "claude-3-7-sonnet-20250219"),
    ],
    bedrockModels: { abc123: "anthropic.claude-instant-v1" },
  });

  it("lists every candidate in order and the one that matched", () => {
    const report = registry.explainModelResolution({
      provider: "openai",
      model: "ft:gpt-4o-mini-2024-07-18:acme::AbC123",
    });
    expect(report.steps).toEqual([
      { rule: "override", provider: "openai", model: "ft:gpt-4o-mini-2024-07-18:acme::AbC123" },
      { rule: "fine-tune", provider: "openai", model: "ft:gpt-4o-mini-2024-07-18" },
      {
        rule: "fine-tune",
        provider: "openai",
        model: "ft:gpt-4o-mini",
        entryId: "ft:gpt-4o-mini",
        match: "exact",
      },
    ]);
    expect(report.resolved).toMatchObject({ entry: { id: "ft:gpt-4o-mini" }, match: "family" });
  });

  it("shows the ARN mapping and the region tried before the plain model", () => {
    const report = registry.explainModelResolution({
      provider: "aws.bedrock",
      model: "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc123",
      region: "eu-west-1",
    });
    expect(report.steps.map((step) => [step.rule, step.model, step.entryId])).toEqual([
      [
        "bedrock-model",
        "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc123",
        undefined,
      ],
      ["override", "anthropic.claude-instant-v1", undefined],
      ["region", "eu-west-1/anthropic.claude-instant-v1", undefined],
      ["catalog", "anthropic.claude-instant-v1", "anthropic.claude-instant-v1"],
    ]);
    expect(report.steps[0]?.mappedTo).toBe("anthropic.claude-instant-v1");
  });

  it("ends without a match for an unknown model, and agrees with resolveModel", () => {
    const input = { provider: "openrouter", model: "anthropic/claude-3.7-sonnet" };
    const report = registry.explainModelResolution(input);
    expect(report.steps.filter((step) => step.rule === "routed").map((step) => step.model)).toEqual([
      "claude-3.7-sonnet",
      "claude-3.7-sonnet-latest",
    ]);
    expect(report.resolved).toBeUndefined();
    expect(registry.resolveModel(input)).toBeUndefined();
  });

  it("the package-level function explains with the bundled catalog", () => {
    const report = explainModelResolution({ provider: "openai", model: "gpt-4o" });
    expect(report.resolved?.match).toBe("exact");
    expect(report.steps.at(-1)).toMatchObject({ rule: "catalog", entryId: "gpt-4o", match: "exact" });
  });
});
