import { describe, expect, it } from "vitest";
import { mapAISDKProvider } from "./map-ai-sdk-provider.js";

describe("mapAISDKProvider", () => {
  it.each([
    ["openai.responses", "gpt-4o", "openai", "gpt-4o"],
    ["openai.chat", "gpt-4o", "openai", "gpt-4o"],
    ["openai.embedding", "text-embedding-3-small", "openai", "text-embedding-3-small"],
    ["azure.responses", "gpt-4o", "azure.ai.openai", "gpt-4o"],
    ["anthropic.messages", "claude-sonnet-4-5", "anthropic", "claude-sonnet-4-5"],
    ["google.generative-ai", "gemini-2.5-flash", "gcp.gemini", "gemini-2.5-flash"],
    ["google.vertex.chat", "gemini-2.5-pro", "gcp.vertex_ai", "gemini-2.5-pro"],
    ["amazon-bedrock", "anthropic.claude-3-haiku", "aws.bedrock", "anthropic.claude-3-haiku"],
    ["mistral.chat", "mistral-large-latest", "mistral_ai", "mistral-large-latest"],
    ["xai.chat", "grok-4", "x_ai", "grok-4"],
    ["gateway", "anthropic/claude-sonnet-4-5", "anthropic", "claude-sonnet-4-5"],
    ["gateway", "google/gemini-2.5-flash", "gcp.gemini", "gemini-2.5-flash"],
    ["gateway", "someone/new-model", "someone", "new-model"],
    ["my-proxy.chat", "m", "my-proxy", "m"],
  ])("%s %s → %s %s", (provider, modelId, expectedProvider, expectedModel) => {
    expect(mapAISDKProvider(provider, modelId)).toEqual({ provider: expectedProvider, model: expectedModel });
  });

  it("never returns an empty provider name", () => {
    expect(mapAISDKProvider(undefined, undefined).provider).toBe("_OTHER");
  });
});
