import { describe, expect, it } from "vitest";
import { detectOpenAITarget } from "./detect-openai-target.js";

const detect = (baseURL: unknown, extra: { isAzureClient?: boolean; providerName?: string } = {}) =>
  detectOpenAITarget({
    baseURL,
    isAzureClient: extra.isAzureClient ?? false,
    providerName: extra.providerName,
  });

describe("detectOpenAITarget", () => {
  it.each([
    ["https://api.openai.com/v1", "openai", "api.openai.com", 443],
    ["https://eu.api.openai.com/v1", "openai", "eu.api.openai.com", 443],
    ["https://acme.openai.azure.com/openai", "azure.ai.openai", "acme.openai.azure.com", 443],
    [
      "https://acme.cognitiveservices.azure.com/openai/v1",
      "azure.ai.openai",
      "acme.cognitiveservices.azure.com",
      443,
    ],
    ["https://api.groq.com/openai/v1", "groq", "api.groq.com", 443],
    ["https://api.deepseek.com", "deepseek", "api.deepseek.com", 443],
    ["https://api.x.ai/v1", "x_ai", "api.x.ai", 443],
    ["https://api.together.xyz/v1", "together_ai", "api.together.xyz", 443],
    ["https://api.fireworks.ai/inference/v1", "fireworks_ai", "api.fireworks.ai", 443],
    ["https://openrouter.ai/api/v1", "openrouter", "openrouter.ai", 443],
    ["https://api.perplexity.ai", "perplexity", "api.perplexity.ai", 443],
    ["https://api.mistral.ai/v1", "mistral_ai", "api.mistral.ai", 443],
    [
      "https://generativelanguage.googleapis.com/v1beta/openai/",
      "gcp.gemini",
      "generativelanguage.googleapis.com",
      443,
    ],
    [
      "https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/endpoints/openapi",
      "gcp.vertex_ai",
      "us-central1-aiplatform.googleapis.com",
      443,
    ],
    [
      "https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1",
      "aws.bedrock",
      "bedrock-runtime.us-west-2.amazonaws.com",
      443,
    ],
    ["http://localhost:11434/v1", "ollama", "localhost", 11434],
    ["http://gpu-box.lan:11434/v1", "ollama", "gpu-box.lan", 11434],
    ["http://127.0.0.1:8000/v1", "vllm", "127.0.0.1", 8000],
    ["http://localhost:1234/v1", "lm_studio", "localhost", 1234],
    ["http://[::1]:8080/v1", "llama_cpp", "[::1]", 8080],
    // Default ports mean nothing away from loopback; unknown hosts and odd ports are never `openai`.
    ["http://inference.internal:8000/v1", "openai_compatible", "inference.internal", 8000],
    ["http://127.0.0.1:4000/v1", "openai_compatible", "127.0.0.1", 4000],
    ["https://llm-gateway.example.com/v1", "openai_compatible", "llm-gateway.example.com", 443],
    ["https://notopenrouter.ai/api/v1", "openai_compatible", "notopenrouter.ai", 443],
    ["https://api.openai.com.evil.example/v1", "openai_compatible", "api.openai.com.evil.example", 443],
  ])("%s → %s", (baseURL, provider, serverAddress, serverPort) => {
    expect(detect(baseURL)).toEqual({ provider, serverAddress, serverPort });
  });

  it("lets the AzureOpenAI class and the providerName option win over the host", () => {
    expect(detect("https://gateway.example.com/openai", { isAzureClient: true }).provider).toBe(
      "azure.ai.openai",
    );
    expect(detect("http://localhost:8000/v1", { providerName: "sglang" }).provider).toBe("sglang");
    expect(detect("https://api.openai.com/v1", { providerName: "acme_proxy" }).provider).toBe("acme_proxy");
  });

  it("calls an unreadable base URL openai_compatible, with no server address", () => {
    expect(detect(undefined)).toEqual({ provider: "openai_compatible" });
    expect(detect("not a url")).toEqual({ provider: "openai_compatible" });
  });
});
