import { describe, expect, it } from "vitest";
import { costOf } from "./cost-of.js";
import { createPriceRegistry } from "./create-price-registry.js";
import type { CostBreakdown, CostOfInput } from "./types.js";

// Golden cases, computed by hand from the catalog's published prices (USD per 1M tokens, so a rate of 2.50 is
// 2.5e-6 per token). Each comment shows the arithmetic; `parts` lists the non-zero breakdown fields.
interface GoldenCase {
  name: string;
  input: CostOfInput;
  total: number;
  parts?: Partial<CostBreakdown>;
}

const registry = createPriceRegistry({ azureDeployments: { "my-gpt4o-deployment": "gpt-4o-2024-11-20" } });

const golden: GoldenCase[] = [
  {
    // Research doc A12 #1: 800 × 2.5e-6 + 200 × 1.25e-6 + 500 × 10e-6 = 0.002 + 0.00025 + 0.005
    name: "OpenAI cached input is a subset of input",
    input: {
      provider: "openai",
      model: "gpt-4o",
      usage: { inputTokens: 1000, cacheReadInputTokens: 200, outputTokens: 500 },
    },
    total: 0.00725,
    parts: { input: 0.002, cachedInput: 0.00025, output: 0.005, match: "exact" },
  },
  {
    // A12 #2, native input 1000 + read 4000 + write 2000 = semconv 7000:
    // 1000 × 3e-6 + 4000 × 0.3e-6 + 2000 × 3.75e-6 + 500 × 15e-6 = 0.003 + 0.0012 + 0.0075 + 0.0075
    name: "Anthropic cache read and 5 min write",
    input: {
      provider: "anthropic",
      model: "claude-sonnet-4-20250514",
      usage: {
        inputTokens: 7000,
        cacheReadInputTokens: 4000,
        cacheWriteInputTokens: 2000,
        outputTokens: 500,
      },
    },
    total: 0.0192,
    parts: { input: 0.003, cachedInput: 0.0012, cacheWrite: 0.0075, output: 0.0075 },
  },
  {
    // 1000 × 3e-6 + 4000 × 0.3e-6 + (1000 × 3.75e-6 + 1000 × 6e-6) + 500 × 15e-6
    // = 0.003 + 0.0012 + 0.00975 + 0.0075
    name: "Anthropic 5 min and 1 h writes in one call",
    input: {
      provider: "anthropic",
      model: "claude-sonnet-4-20250514",
      usage: {
        inputTokens: 7000,
        cacheReadInputTokens: 4000,
        cacheWriteInputTokens: 2000,
        cacheWrite1hInputTokens: 1000,
        outputTokens: 500,
      },
    },
    total: 0.02145,
    parts: { cacheWrite: 0.00975 },
  },
  {
    // All input is a 1 h write: 3000 × 2e-6 + 100 × 5e-6 = 0.006 + 0.0005
    name: "Anthropic 1 h write only (claude-haiku-4-5)",
    input: {
      provider: "anthropic",
      model: "claude-haiku-4-5",
      usage: {
        inputTokens: 3000,
        cacheWriteInputTokens: 3000,
        cacheWrite1hInputTokens: 3000,
        outputTokens: 100,
      },
    },
    total: 0.0065,
    parts: { input: 0, cacheWrite: 0.006, output: 0.0005, match: "alias" },
  },
  {
    // Fully cached call (Aider #5516 regression): 10000 × 0.08e-6 = 0.0008, nothing at the input rate.
    name: "fully cached Anthropic call is not charged as uncached input",
    input: {
      provider: "anthropic",
      model: "claude-3-5-haiku-20241022",
      usage: { inputTokens: 10000, cacheReadInputTokens: 10000 },
    },
    total: 0.0008,
    parts: { input: 0, cachedInput: 0.0008 },
  },
  {
    // No 1 h rate listed for claude-3-haiku, so 1 h writes use the 5 min rate: 1000 × 0.3e-6
    name: "missing 1 h rate falls back to the 5 min write rate",
    input: {
      provider: "anthropic",
      model: "claude-3-haiku-20240307",
      usage: { inputTokens: 1000, cacheWriteInputTokens: 1000, cacheWrite1hInputTokens: 1000 },
    },
    total: 0.0003,
  },
  {
    // A12 #3, long tier on the whole request: 250000 × 2.5e-6 + 1000 × 15e-6 + 2000 × 15e-6
    // = 0.625 + 0.015 + 0.03
    name: "Gemini 2.5 Pro long-context tier with thinking tokens",
    input: {
      provider: "gcp.gemini",
      model: "gemini-2.5-pro",
      usage: { inputTokens: 250000, outputTokens: 3000, reasoningOutputTokens: 2000 },
    },
    total: 0.67,
    parts: { input: 0.625, output: 0.015, reasoning: 0.03, longContextAboveInputTokens: 200000 },
  },
  {
    // A12 #3 below the tier: 100000 × 1.25e-6 + 1000 × 10e-6 + 2000 × 10e-6 = 0.125 + 0.01 + 0.02
    name: "Gemini 2.5 Pro below the long-context threshold",
    input: {
      provider: "gcp.gemini",
      model: "gemini-2.5-pro",
      usage: { inputTokens: 100000, outputTokens: 3000, reasoningOutputTokens: 2000 },
    },
    total: 0.155,
  },
  {
    // Exactly at the threshold is not above it: 200000 × 1.25e-6
    name: "long-context threshold is strictly greater-than",
    input: { provider: "gcp.gemini", model: "gemini-2.5-pro", usage: { inputTokens: 200000 } },
    total: 0.25,
  },
  {
    // Tier picked by input including cache (300000 > 200000), then all tokens at tier rates:
    // 200000 × 6e-6 + 100000 × 0.6e-6 + 1000 × 22.5e-6 = 1.2 + 0.06 + 0.0225
    name: "Anthropic long-context tier counts cached input toward the threshold",
    input: {
      provider: "anthropic",
      model: "claude-sonnet-4-20250514",
      usage: { inputTokens: 300000, cacheReadInputTokens: 100000, outputTokens: 1000 },
    },
    total: 1.2825,
    parts: { input: 1.2, cachedInput: 0.06, output: 0.0225 },
  },
  {
    // A12 #4: 2000 × 1.1e-6 + 500 × 4.4e-6 + 2500 × 4.4e-6 = 0.0022 + 0.0022 + 0.011 (reasoning not added twice)
    name: "OpenAI reasoning tokens are part of output",
    input: {
      provider: "openai",
      model: "o4-mini",
      usage: { inputTokens: 2000, outputTokens: 3000, reasoningOutputTokens: 2500 },
    },
    total: 0.0154,
    parts: { input: 0.0022, output: 0.0022, reasoning: 0.011 },
  },
  {
    // A12 #5, before the 2025-06-10 cut: 1M × 10e-6 + 1M × 40e-6
    name: "price history: o3 before the cut",
    input: {
      provider: "openai",
      model: "o3",
      at: "2025-05-01",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    },
    total: 50,
  },
  {
    // A12 #5, after the cut: 1M × 2e-6 + 1M × 8e-6
    name: "price history: o3 current price",
    input: { provider: "openai", model: "o3", usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } },
    total: 10,
  },
  {
    // Flex is 50% of list: 1M × 1e-6 + 1M × 4e-6
    name: "OpenAI flex service tier",
    input: {
      provider: "openai",
      model: "o3-2025-04-16",
      serviceTier: "flex",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    },
    total: 5,
    parts: { serviceTier: "flex", match: "alias" },
  },
  {
    // Priority: 1M × 4.25e-6 + 1M × 17e-6
    name: "OpenAI priority service tier",
    input: {
      provider: "openai",
      model: "gpt-4o",
      serviceTier: "priority",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    },
    total: 21.25,
    parts: { serviceTier: "priority" },
  },
  {
    // `default` is list price: 1M × 2.5e-6 + 1M × 10e-6
    name: "OpenAI default service tier is list price",
    input: {
      provider: "openai",
      model: "gpt-4o",
      serviceTier: "default",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    },
    total: 12.5,
    parts: { serviceTier: "standard" },
  },
  {
    // Batch halves every rate: 800000 × 1.25e-6 + 200000 × 0.625e-6 + 1M × 5e-6 = 1 + 0.125 + 5
    name: "OpenAI batch with cached input",
    input: {
      provider: "openai",
      model: "gpt-4o",
      batch: true,
      usage: { inputTokens: 1_000_000, cacheReadInputTokens: 200_000, outputTokens: 1_000_000 },
    },
    total: 6.125,
    parts: { input: 1, cachedInput: 0.125, output: 5, batch: true },
  },
  {
    // No batch price listed for deepseek-v4-flash: list price 1M × 0.14e-6 + 1M × 0.28e-6, reported as batch: false
    name: "batch asked but unpriced falls back to list price and says so",
    input: {
      provider: "deepseek",
      model: "deepseek-v4-flash",
      batch: true,
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    },
    total: 0.42,
    parts: { batch: false },
  },
  {
    // Cross-region id, regional price: 1000 × 3e-6 + 1000 × 15e-6 = 0.003 + 0.015
    name: "Bedrock us. cross-region id with -v1:0 suffix",
    input: {
      provider: "aws.bedrock",
      model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
      usage: { inputTokens: 1000, outputTokens: 1000 },
    },
    total: 0.018,
    // Bedrock lists the us. inference profile itself (LiteLLM import), so the name matches exactly.
    parts: {
      match: "exact",
      modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0",
      provider: "aws.bedrock",
    },
  },
  {
    // Sonnet 4.5 regional carries the 10% premium: 1000 × 3.3e-6 + 1000 × 16.5e-6 = 0.0033 + 0.0165
    name: "Bedrock regional premium (eu. prefix)",
    input: {
      provider: "aws.bedrock",
      model: "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
      usage: { inputTokens: 1000, outputTokens: 1000 },
    },
    total: 0.0198,
  },
  {
    // Global endpoint, no premium: 1000 × 3e-6 + 1000 × 15e-6
    name: "Bedrock global. endpoint is priced apart from regional",
    input: {
      provider: "aws.bedrock",
      model: "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
      usage: { inputTokens: 1000, outputTokens: 1000 },
    },
    total: 0.018,
    parts: { match: "exact" },
  },
  {
    // 4000 × 0.8e-6 + 5000 × 0.08e-6 + 1000 × 1e-6 + 1000 × 4e-6 = 0.0032 + 0.0004 + 0.001 + 0.004
    name: "Bedrock cache read and write (bare anthropic. id)",
    input: {
      provider: "bedrock",
      model: "anthropic.claude-3-5-haiku-20241022-v1:0",
      usage: {
        inputTokens: 10000,
        cacheReadInputTokens: 5000,
        cacheWriteInputTokens: 1000,
        outputTokens: 1000,
      },
    },
    total: 0.0086,
  },
  {
    // Inference-profile ARN: 1000 × 0.8e-6
    name: "Bedrock inference-profile ARN",
    input: {
      provider: "aws.bedrock",
      model:
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
      usage: { inputTokens: 1000 },
    },
    total: 0.0008,
  },
  {
    // No global Bedrock price for 3.5 Haiku (only the regional one): vendor price, flagged family:
    // 1000 × 0.8e-6 + 1000 × 4e-6 = 0.0008 + 0.004
    name: "Bedrock model without a Bedrock price falls back to the vendor price as family",
    input: {
      provider: "aws.bedrock",
      model: "global.anthropic.claude-3-5-haiku-20241022-v1:0",
      usage: { inputTokens: 1000, outputTokens: 1000 },
    },
    total: 0.0048,
    parts: { match: "family", provider: "anthropic", modelId: "claude-3-5-haiku-20241022" },
  },
  {
    // Vertex @date id, vendor price: 1000 × 3e-6 + 1000 × 15e-6
    name: "Vertex claude-…@20250514 id",
    input: {
      provider: "gcp.vertex_ai",
      model: "claude-sonnet-4@20250514",
      usage: { inputTokens: 1000, outputTokens: 1000 },
    },
    total: 0.018,
    parts: { match: "family", modelId: "claude-sonnet-4-20250514" },
  },
  {
    // Gemini on Vertex, Gemini API price: 1M × 0.3e-6
    name: "Vertex Gemini resource path",
    input: {
      provider: "vertex_ai",
      model: "projects/acme/locations/us-central1/publishers/google/models/gemini-2.5-flash",
      usage: { inputTokens: 1_000_000 },
    },
    total: 0.3,
    // Vertex's own entry for the model, reached through the resource path.
    parts: { match: "normalized", modelId: "gemini-2.5-flash", provider: "gcp.vertex_ai" },
  },
  {
    // Audio priced apart: 600 × 0.1e-6 + 400 × 0.7e-6 + 100 × 0.4e-6 = 0.00006 + 0.00028 + 0.00004
    name: "Gemini audio input",
    input: {
      provider: "gcp.gemini",
      model: "gemini-2.0-flash",
      usage: { inputTokens: 1000, audioInputTokens: 400, outputTokens: 100 },
    },
    total: 0.00038,
    parts: { input: 0.00006, audioInput: 0.00028, output: 0.00004 },
  },
  {
    // 2000 × 0.3e-6 + 8000 × 0.03e-6 + 400 × 2.5e-6 + 600 × 2.5e-6 = 0.0006 + 0.00024 + 0.001 + 0.0015
    name: "Gemini cached input and thinking tokens",
    input: {
      provider: "gcp.gemini",
      model: "gemini-2.5-flash",
      usage: {
        inputTokens: 10000,
        cacheReadInputTokens: 8000,
        outputTokens: 1000,
        reasoningOutputTokens: 600,
      },
    },
    total: 0.00334,
  },
  {
    // `models/` prefix stripped: 1M × 0.1e-6
    name: "Gemini models/ prefix",
    input: { provider: "gcp.gemini", model: "models/gemini-2.0-flash", usage: { inputTokens: 1_000_000 } },
    total: 0.1,
    parts: { match: "normalized" },
  },
  {
    // Deployment → gpt-4o-2024-11-20 on Azure: 1000 × 2.5e-6 + 1000 × 10e-6 = 0.0025 + 0.01
    name: "Azure deployment name through the map",
    input: {
      provider: "azure.ai.openai",
      model: "my-gpt4o-deployment",
      usage: { inputTokens: 1000, outputTokens: 1000 },
    },
    total: 0.0125,
    parts: { match: "alias", modelId: "gpt-4o-2024-11-20", provider: "azure.ai.openai" },
  },
  {
    // Azure bills version-less gpt-4o at the current gpt-4o price: 1000 × 2.5e-6 + 1000 × 10e-6
    name: "Azure version-less gpt-4o",
    input: { provider: "azure", model: "gpt-4o", usage: { inputTokens: 1000, outputTokens: 1000 } },
    total: 0.0125,
  },
  {
    // -latest alias of claude-3-5-sonnet-20241022: 1M × 3e-6
    name: "-latest alias",
    input: { provider: "anthropic", model: "claude-3-5-sonnet-latest", usage: { inputTokens: 1_000_000 } },
    total: 3,
    parts: { match: "alias", modelId: "claude-3-5-sonnet-20241022" },
  },
  {
    // The alias moved on 2026-06-16; before: 1M × 0.4e-6
    name: "-latest alias before it moved (Mistral Medium)",
    input: {
      provider: "mistral_ai",
      model: "mistral-medium-latest",
      at: new Date("2026-05-01T12:00:00Z"),
      usage: { inputTokens: 1_000_000 },
    },
    total: 0.4,
  },
  {
    // …and after: 1M × 1.5e-6
    name: "-latest alias after it moved (Mistral Medium)",
    input: { provider: "mistral", model: "mistral-medium-latest", usage: { inputTokens: 1_000_000 } },
    total: 1.5,
  },
  {
    // Dated snapshot sharing the family price: 1M × 2.5e-6 + 1M × 10e-6
    name: "dated snapshot listed as alias shares the family price",
    input: {
      provider: "openai",
      model: "gpt-4o-2024-11-20",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    },
    total: 12.5,
    parts: { match: "alias", modelId: "gpt-4o" },
  },
  {
    // An unseen future snapshot of a one-price family: 1M × 2.5e-6 + 1M × 10e-6
    name: "unseen dated snapshot folds into its family",
    input: {
      provider: "openai",
      model: "gpt-4o-2026-01-15",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    },
    total: 12.5,
    parts: { match: "family", modelId: "gpt-4o" },
  },
  {
    // Differently priced snapshot must NOT fold: 1M × 5e-6 + 1M × 15e-6 = 20 (gpt-4o would say 12.5)
    name: "differently priced snapshot keeps its own price",
    input: {
      provider: "openai",
      model: "gpt-4o-2024-05-13",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    },
    total: 20,
    parts: { match: "exact", modelId: "gpt-4o-2024-05-13" },
  },
  {
    // Provider prefix inside the model string (provider ignored case): 1M × 2.5e-6 + 1M × 10e-6
    name: "provider prefix openai/gpt-4o",
    input: {
      provider: "OpenAI",
      model: "openai/gpt-4o",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    },
    total: 12.5,
    parts: { match: "normalized" },
  },
  {
    // 4000 × 0.28e-6 + 6000 × 0.028e-6 + 1000 × 0.42e-6 = 0.00112 + 0.000168 + 0.00042
    name: "DeepSeek cache hit and miss",
    input: {
      provider: "deepseek",
      model: "deepseek-chat",
      usage: { inputTokens: 10000, cacheReadInputTokens: 6000, outputTokens: 1000 },
    },
    total: 0.001708,
  },
  {
    // xAI alias grok-4 → grok-4-0709: 1M × 3e-6 + 1M × 15e-6
    name: "xAI alias",
    input: { provider: "x_ai", model: "grok-4", usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } },
    total: 18,
  },
  {
    // 1M × 0.59e-6 + 1M × 0.79e-6
    name: "Groq",
    input: {
      provider: "groq",
      model: "llama-3.3-70b-versatile",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    },
    total: 1.38,
  },
  {
    // Beyond 2^53 pico-USD, the BigInt path stays exact: 5e9 × 2.5e-6
    name: "very large usage stays exact",
    input: { provider: "openai", model: "gpt-4o", usage: { inputTokens: 5_000_000_000 } },
    total: 12500,
  },
];

describe("costOf golden cases", () => {
  it("has at least 30 hand-computed cases", () => {
    expect(golden.length).toBeGreaterThanOrEqual(30);
  });

  it.each(golden)("$name", ({ input, total, parts }) => {
    const cost = registry.costOf(input);
    expect(cost).toBeDefined();
    expect(cost?.total).toBe(total);
    if (parts) expect(cost).toMatchObject(parts);
    // The parts add up to the total exactly in integer pico-USD.
    const sum = [
      cost?.input,
      cost?.cachedInput,
      cost?.cacheWrite,
      cost?.output,
      cost?.reasoning,
      cost?.audioInput,
    ]
      .concat(cost?.audioOutput, cost?.imageInput, cost?.imageOutput)
      .reduce<number>((accumulator, part) => accumulator + Math.round((part ?? 0) * 1e12), 0);
    expect(sum).toBe(Math.round(total * 1e12));
    expect(cost?.currency).toBe("USD");
  });
});

describe("costOf", () => {
  it("returns undefined, never zero, for an unknown model", () => {
    expect(
      registry.costOf({ provider: "openai", model: "gpt-9-ultra", usage: { inputTokens: 10 } }),
    ).toBeUndefined();
    expect(
      registry.costOf({ provider: "acme", model: "gpt-4o", usage: { inputTokens: 10 } }),
    ).toBeUndefined();
    expect(
      registry.costOf({ provider: "azure.ai.openai", model: "other-deployment", usage: {} }),
    ).toBeUndefined();
  });

  it("uses a user override over the catalog", () => {
    const local = createPriceRegistry();
    // 1M × 1e-6 + 1M × 2e-6
    local.registerModelPrice({ provider: "openai", model: "gpt-4o", prices: { input: 1, output: 2 } });
    const cost = local.costOf({
      provider: "openai",
      model: "gpt-4o",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    });
    expect(cost).toMatchObject({ total: 3, match: "override", pricingVersion: "override" });
  });

  it("prices a wildcard override given in the options", () => {
    const local = createPriceRegistry({
      overrides: [{ model: "ft:gpt-4o-mini:acme:*", prices: { input: "0.30", output: "1.20" } }],
    });
    // 1M × 0.3e-6 + 1M × 1.2e-6
    const cost = local.costOf({
      provider: "openai",
      model: "ft:gpt-4o-mini:acme:abc123",
      usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
    });
    expect(cost).toMatchObject({ total: 1.5, match: "override" });
  });

  it("the package-level function prices from the bundled catalog", () => {
    const cost = costOf({
      provider: "openai",
      model: "gpt-4o",
      usage: { inputTokens: 1000, cacheReadInputTokens: 200, outputTokens: 500 },
    });
    expect(cost?.total).toBe(0.00725);
  });

  it("raises a total smaller than its parts instead of going negative", () => {
    // Native Anthropic usage passed by mistake (input excludes cache): input is raised to 4000 + 2000.
    const cost = registry.costOf({
      provider: "anthropic",
      model: "claude-sonnet-4-20250514",
      usage: { inputTokens: 1000, cacheReadInputTokens: 4000, cacheWriteInputTokens: 2000 },
    });
    expect(cost?.input).toBe(0);
    // 4000 × 0.3e-6 + 2000 × 3.75e-6 = 0.0012 + 0.0075
    expect(cost?.total).toBe(0.0087);
  });

  it("treats missing, negative and non-finite counts as zero", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "gpt-4o",
      usage: { inputTokens: Number.NaN, outputTokens: -5 },
    });
    expect(cost?.total).toBe(0);
    expect(cost?.match).toBe("exact");
  });

  it("leaves a token-priced model unpriced when only unpriced units were reported, never zero", () => {
    // gpt-4o-mini-tts has token prices, but the speech API reports characters, which have no price for it.
    const cost = registry.costOf({
      provider: "openai",
      model: "gpt-4o-mini-tts",
      usage: {},
      units: [{ unit: "character", quantity: 120 }],
    });
    expect(cost).toBeUndefined();
  });
});
