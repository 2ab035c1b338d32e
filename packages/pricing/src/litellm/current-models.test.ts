import { describe, expect, it } from "vitest";
import { createPriceRegistry } from "../create-price-registry.js";

// The models issue 16 found unpriced, and the current lineup of each provider Sightline wraps, as users name them.
const CURRENT_MODELS: readonly (readonly [provider: string, model: string])[] = [
  ["openai", "gpt-5"],
  ["openai", "gpt-5-mini"],
  ["openai", "gpt-5-nano"],
  ["openai", "gpt-5-2025-08-07"],
  ["openai", "gpt-5.1"],
  ["openai", "gpt-4.1-mini"],
  ["openai", "gpt-4.1-nano"],
  ["openai", "o1"],
  ["openai", "o3-mini"],
  ["openai", "o3-pro"],
  ["openai", "gpt-image-1"],
  ["openai", "text-embedding-3-large"],
  ["openai", "ft:gpt-4o-mini-2024-07-18:acme::AbC123"],
  ["anthropic", "claude-opus-4-20250514"],
  ["anthropic", "claude-opus-4-1-20250805"],
  ["anthropic", "claude-opus-4-5"],
  ["anthropic", "claude-sonnet-4-5-20250929"],
  ["anthropic", "claude-3-7-sonnet-20250219"],
  ["anthropic", "claude-haiku-4-5"],
  ["gcp.gemini", "gemini-2.5-flash-lite"],
  ["gcp.gemini", "gemini-3-pro-preview"],
  ["gcp.gemini", "gemini-embedding-001"],
  ["gcp.vertex_ai", "gemini-2.5-pro"],
  ["aws.bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"],
  ["aws.bedrock", "amazon.nova-pro-v1:0"],
  ["azure.ai.openai", "gpt-5"],
  ["mistral_ai", "mistral-large-latest"],
  ["cohere", "command-a-03-2025"],
  ["x_ai", "grok-4"],
  ["deepseek", "deepseek-v4-flash"],
  ["groq", "llama-3.3-70b-versatile"],
  ["perplexity", "sonar-pro"],
];

describe("current models", () => {
  const registry = createPriceRegistry();
  it.each(CURRENT_MODELS)("%s %s has a price", (provider, model) => {
    const cost = registry.costOf({ provider, model, usage: { inputTokens: 1000, outputTokens: 100 } });
    expect(cost?.total).toBeGreaterThan(0);
  });
});
