import { describe, expect, it } from "vitest";
import { createPriceRegistry } from "./create-price-registry.js";
import type { CatalogEntry } from "./types.js";

function entry(provider: string, id: string, input: string, extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    provider,
    id,
    prices: { input, output: input },
    sourceUrl: "https://example.com/pricing",
    source: "test",
    checkedAt: "2026-12-03",
    ...extra,
  };
}

/** A small catalog holding each kind of entry the rules below are about, priced so every match is visible. */
const catalog: CatalogEntry[] = [
  entry("openai", "gpt-4o-mini", "0.15", { aliases: ["gpt-4o-mini-2024-07-18"], family: "gpt-4o-mini" }),
  entry("openai", "gpt-4.1", "2.00", { aliases: ["gpt-4.1-2025-04-14"] }),
  entry("openai", "ft:gpt-4o-mini-2024-07-18", "0.30"),
  entry("openai", "ft:gpt-3.5-turbo", "3.00"),
  entry("openai", "gpt-4o-search-preview", "2.50", { aliases: ["gpt-4o-search-preview-2025-03-11"] }),
  entry("azure.ai.openai", "gpt-4o-mini", "0.165", { aliases: ["gpt-4o-mini-2024-07-18"] }),
  entry("azure.ai.openai", "ft:gpt-4o-mini-2024-07-18", "0.33"),
  entry("azure.ai.openai", "gpt-4o", "2.50"),
  entry("azure.ai.openai", "us/gpt-4o", "2.75"),
  entry("azure.ai.openai", "eu/gpt-4o", "2.80"),
  entry("gcp.gemini", "gemini-2.5-flash", "0.30"),
  entry("gcp.gemini", "gemini-2.5-flash-preview-05-20", "0.15"),
  entry("gcp.gemini", "gemini-2.0-flash", "0.10", { aliases: ["gemini-2.0-flash-001"] }),
  entry("gcp.gemini", "gemini-1.5-pro", "1.25", { family: "gemini-1.5-pro" }),
  entry("gcp.gemini", "gemini-2.0-flash-exp", "0.00"),
  entry("anthropic", "claude-3-5-sonnet-20241022", "3.00", { aliases: ["claude-3-5-sonnet-latest"] }),
  entry("mistral_ai", "mistral-large-latest", "2.00"),
  entry("aws.bedrock", "anthropic.claude-instant-v1", "0.80"),
  entry("aws.bedrock", "us-east-1/anthropic.claude-instant-v1", "0.80"),
  entry("aws.bedrock", "eu-central-1/anthropic.claude-instant-v1", "2.48"),
  entry("aws.bedrock", "us-gov-west-1/anthropic.claude-instant-v1", "0.96"),
  entry("aws.bedrock", "anthropic.claude-haiku-4-5-20251001-v1:0", "1.10"),
  entry("aws.bedrock", "global.anthropic.claude-haiku-4-5-20251001-v1:0", "1.00"),
  entry("fireworks_ai", "accounts/fireworks/models/llama-v3p1-8b-instruct", "0.20"),
  entry("fireworks_ai", "accounts/yi-01-ai/models/yi-large", "3.00"),
  entry("together_ai", "meta-llama/Llama-3.3-70B-Instruct-Turbo", "0.88"),
  entry("groq", "meta-llama/llama-4-scout-17b-16e-instruct", "0.11"),
];

const registry = createPriceRegistry({ catalog });
const resolve = (provider: string | undefined, model: string, region?: string) =>
  registry.resolveModel({ provider, model, region });

describe("fine-tuned models", () => {
  it.each([
    ["ft:gpt-4o-mini-2024-07-18:my-org::AbC123", "ft:gpt-4o-mini-2024-07-18", "normalized"],
    ["ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:AbC123", "ft:gpt-4o-mini-2024-07-18", "normalized"],
    [
      "ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:AbC123:ckpt-step-88",
      "ft:gpt-4o-mini-2024-07-18",
      "normalized",
    ],
    // A base snapshot without its own fine-tune entry falls back to the family's fine-tune price.
    ["ft:gpt-3.5-turbo-0125:my-org::9xYz", "ft:gpt-3.5-turbo", "family"],
  ])("%s → %s (%s)", (model, id, match) => {
    expect(resolve("openai", model)).toMatchObject({ entry: { id }, match });
  });

  it("infers OpenAI for a fine-tune id without a provider", () => {
    expect(resolve(undefined, "ft:gpt-4o-mini-2024-07-18:my-org::AbC123")?.entry.id).toBe(
      "ft:gpt-4o-mini-2024-07-18",
    );
  });

  it("stays unpriced without a fine-tune entry, never at the (lower) base model price", () => {
    expect(resolve("openai", "gpt-4.1-2025-04-14")?.entry.id).toBe("gpt-4.1");
    expect(resolve("openai", "ft:gpt-4.1-2025-04-14:my-org::AbC123")).toBeUndefined();
    const cost = registry.costOf({
      provider: "openai",
      model: "ft:gpt-4.1-2025-04-14:my-org::AbC123",
      usage: { inputTokens: 1000, outputTokens: 1000 },
    });
    expect(cost).toBeUndefined();
  });

  it("prices an Azure fine-tune deployment by Azure's fine-tune entry only", () => {
    expect(
      resolve("azure.ai.openai", "gpt-4o-mini-2024-07-18.ft-0123456789abcdef0123456789abcdef"),
    ).toMatchObject({
      entry: { id: "ft:gpt-4o-mini-2024-07-18", provider: "azure.ai.openai", prices: { input: "0.33" } },
      match: "normalized",
    });
    expect(resolve("azure", "gpt-4o-mini-2024-07-18.ft-0123456789abcdef-my-suffix")?.entry.id).toBe(
      "ft:gpt-4o-mini-2024-07-18",
    );
    expect(resolve("azure.ai.openai", "gpt-4.1-2025-04-14.ft-0123456789abcdef")).toBeUndefined();
  });

  it("lets a prefix override written the way real ids look price them", () => {
    const local = createPriceRegistry({ catalog });
    local.registerModelPrice({
      provider: "openai",
      model: "ft:gpt-4.1-2025-04-14:my-org:*",
      prices: { input: "3.00", output: "12.00" },
    });
    expect(
      local.resolveModel({ provider: "openai", model: "ft:gpt-4.1-2025-04-14:my-org::AbC123" })?.match,
    ).toBe("override");
    expect(
      local.resolveModel({
        provider: "openai",
        model: "ft:gpt-4.1-2025-04-14:my-org:support-bot:AbC123:ckpt-step-88",
      })?.match,
    ).toBe("override");
    expect(
      local.resolveModel({ provider: "openai", model: "ft:gpt-4.1-2025-04-14:other-org::AbC123" }),
    ).toBeUndefined();
    // The README's old pattern left out the snapshot date, which every real id carries: it matches nothing.
    local.registerModelPrice({
      provider: "openai",
      model: "ft:gpt-4.1:acme:*",
      prices: { input: 1, output: 1 },
    });
    expect(
      local.resolveModel({ provider: "openai", model: "ft:gpt-4.1-2025-04-14:acme::AbC123" }),
    ).toBeUndefined();
  });
});

describe("preview, experimental and -latest ids", () => {
  it.each([
    ["gcp.gemini", "gemini-2.5-flash-preview-05-20", "gemini-2.5-flash-preview-05-20", "exact"],
    ["gcp.gemini", "models/gemini-2.5-flash-preview-05-20", "gemini-2.5-flash-preview-05-20", "normalized"],
    ["gcp.gemini", "gemini-2.0-flash-exp", "gemini-2.0-flash-exp", "exact"],
    ["openai", "gpt-4o-search-preview-2025-03-11", "gpt-4o-search-preview", "alias"],
    ["anthropic", "claude-3-5-sonnet-latest", "claude-3-5-sonnet-20241022", "alias"],
    ["mistral_ai", "mistral-large-latest", "mistral-large-latest", "exact"],
    ["gcp.gemini", "gemini-2.0-flash-001", "gemini-2.0-flash", "alias"],
    // Gemini's -00N versions fold only into an entry that declares the family.
    ["gcp.gemini", "gemini-1.5-pro-002", "gemini-1.5-pro", "family"],
    ["gcp.vertex_ai", "publishers/google/models/gemini-1.5-pro@002", "gemini-1.5-pro", "family"],
    [
      "gcp.vertex_ai",
      "projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash-001",
      "gemini-2.0-flash",
      "family",
    ],
  ])("%s %s → %s (%s)", (provider, model, id, match) => {
    expect(resolve(provider, model)).toMatchObject({ entry: { id }, match });
  });

  it.each([
    // A preview is never priced as its GA model unless an entry lists it.
    ["gcp.gemini", "gemini-2.5-flash-preview-09-2025"],
    ["gcp.gemini", "gemini-2.5-flash-lite-preview-06-17"],
    ["gcp.gemini", "gemini-exp-1206"],
    ["gcp.gemini", "gemini-2.5-flash-002"],
    ["gcp.gemini", "gemini-2.0-flash-002"],
    ["openai", "gpt-4o-mini-search-preview-2025-03-11"],
    ["anthropic", "claude-3-7-sonnet-latest"],
    ["mistral_ai", "mistral-small-latest"],
  ])("%s %s is unpriced", (provider, model) => {
    expect(resolve(provider, model)).toBeUndefined();
  });
});

describe("price regions", () => {
  it("tries <region>/<model> before the plain model, exact then normalized", () => {
    expect(resolve("aws.bedrock", "anthropic.claude-instant-v1", "eu-central-1")).toMatchObject({
      entry: { id: "eu-central-1/anthropic.claude-instant-v1", prices: { input: "2.48" } },
      match: "exact",
    });
    expect(resolve("aws.bedrock", "us.anthropic.claude-instant-v1", "EU-Central-1")).toMatchObject({
      entry: { id: "eu-central-1/anthropic.claude-instant-v1" },
      match: "normalized",
    });
    // A region without its own price falls back to the plain entry; no region never picks a regional one.
    expect(resolve("aws.bedrock", "anthropic.claude-instant-v1", "ap-south-1")?.entry.id).toBe(
      "anthropic.claude-instant-v1",
    );
    expect(resolve("aws.bedrock", "anthropic.claude-instant-v1")?.entry.id).toBe(
      "anthropic.claude-instant-v1",
    );
    expect(resolve("aws.bedrock", "us.anthropic.claude-instant-v1")?.entry.id).toBe(
      "anthropic.claude-instant-v1",
    );
  });

  it("prices a regional call in costOf and keeps regions apart in the resolution cache", () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 0 };
    const model = "anthropic.claude-instant-v1";
    expect(registry.costOf({ provider: "aws.bedrock", model, usage, region: "eu-central-1" })?.total).toBe(
      2.48,
    );
    expect(registry.costOf({ provider: "aws.bedrock", model, usage })?.modelId).toBe(model);
    expect(registry.costOf({ provider: "aws.bedrock", model, usage, region: "eu-central-1" })?.modelId).toBe(
      "eu-central-1/anthropic.claude-instant-v1",
    );
  });

  it("keeps the global. price apart from regions", () => {
    expect(
      resolve("aws.bedrock", "global.anthropic.claude-haiku-4-5-20251001-v1:0", "us-east-1")?.entry.id,
    ).toBe("global.anthropic.claude-haiku-4-5-20251001-v1:0");
  });

  it("prices an Azure data-zone deployment through the deployment map", () => {
    const local = createPriceRegistry({ catalog, azureDeployments: { "prod-chat": "us/gpt-4o" } });
    expect(local.resolveModel({ provider: "azure.ai.openai", model: "Prod-Chat" })).toMatchObject({
      entry: { id: "us/gpt-4o", prices: { input: "2.75" } },
      match: "alias",
    });
    local.registerAzureDeployment("eu-chat", "eu/gpt-4o");
    expect(local.resolveModel({ provider: "azure", model: "eu-chat" })?.entry.id).toBe("eu/gpt-4o");
    expect(local.resolveModel({ provider: "azure", model: "azure/eu/gpt-4o" })?.entry.id).toBe("eu/gpt-4o");
    expect(local.resolveModel({ provider: "azure", model: "gpt-4o" })?.entry.id).toBe("gpt-4o");
  });
});

describe("Bedrock inference profiles and ARNs", () => {
  it.each(["us.", "eu.", "apac.", "au.", "jp.", "ca."])("the %s cross-region profile resolves", (prefix) => {
    expect(resolve("aws.bedrock", `${prefix}anthropic.claude-haiku-4-5-20251001-v1:0`)).toMatchObject({
      entry: { id: "anthropic.claude-haiku-4-5-20251001-v1:0" },
      match: "normalized",
    });
  });

  it("prices a GovCloud profile only by a GovCloud price, never at the lower commercial one", () => {
    const model = "us-gov.anthropic.claude-instant-v1";
    expect(resolve("aws.bedrock", model)).toBeUndefined();
    expect(resolve("aws.bedrock", model, "us-east-1")).toBeUndefined();
    expect(resolve("aws.bedrock", model, "us-gov-west-1")).toMatchObject({
      entry: { id: "us-gov-west-1/anthropic.claude-instant-v1", prices: { input: "0.96" } },
      match: "normalized",
    });
  });

  const application = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz";
  const provisioned = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/p1a2b3";

  it("leaves application-profile and provisioned-model ARNs unpriced without a mapping", () => {
    expect(resolve("aws.bedrock", application)).toBeUndefined();
    expect(resolve(undefined, provisioned)).toBeUndefined();
  });

  it("maps ARNs and profile ids to the model they serve, with the region's price", () => {
    const local = createPriceRegistry({
      catalog,
      bedrockModels: { [application]: "us.anthropic.claude-haiku-4-5-20251001-v1:0" },
    });
    expect(local.resolveModel({ provider: "aws.bedrock", model: application })).toMatchObject({
      entry: { id: "anthropic.claude-haiku-4-5-20251001-v1:0" },
      match: "normalized",
    });
    expect(local.resolveModel({ provider: "bedrock", model: provisioned })).toBeUndefined();
    local.registerBedrockModel("p1a2b3", "anthropic.claude-instant-v1");
    expect(local.resolveModel({ model: provisioned })).toMatchObject({
      entry: { id: "anthropic.claude-instant-v1" },
      match: "alias",
    });
    expect(
      local.resolveModel({ provider: "aws.bedrock", model: provisioned, region: "eu-central-1" })?.entry.id,
    ).toBe("eu-central-1/anthropic.claude-instant-v1");
  });
});

describe("hosts whose ids contain slashes", () => {
  it.each([
    ["fireworks_ai", "accounts/fireworks/models/llama-v3p1-8b-instruct", "exact"],
    ["fireworks", "llama-v3p1-8b-instruct", "normalized"],
    ["fireworks_ai", "fireworks_ai/accounts/fireworks/models/llama-v3p1-8b-instruct", "normalized"],
    ["together_ai", "meta-llama/Llama-3.3-70B-Instruct-Turbo", "exact"],
    ["together", "together_ai/meta-llama/llama-3.3-70b-instruct-turbo", "normalized"],
    ["groq", "meta-llama/llama-4-scout-17b-16e-instruct", "exact"],
  ])("%s %s (%s)", (provider, model, match) => {
    expect(resolve(provider, model)?.match).toBe(match);
  });

  it("prices another account's public model by its full id, and never your own deployment as Fireworks'", () => {
    expect(resolve("fireworks_ai", "accounts/yi-01-ai/models/yi-large")?.match).toBe("exact");
    expect(resolve("fireworks_ai", "yi-large")).toBeUndefined();
    expect(resolve("fireworks_ai", "accounts/my-team/models/llama-v3p1-8b-instruct")).toBeUndefined();
    // Slash ids stay with their own host.
    expect(resolve("groq", "meta-llama/Llama-3.3-70B-Instruct-Turbo")).toBeUndefined();
  });
});
