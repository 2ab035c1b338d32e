import OpenAI, { AzureOpenAI } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMockLLMServer } from "../../start-mock-llm-server.js";
import type { MockLLMServer } from "../../types.js";
import { MOCK_REASONING_TEXT } from "./adapt-chat-for-host.js";
import { createHostRoutingFetch } from "./create-host-routing-fetch.js";

let server: MockLLMServer;
const messages = [{ role: "user" as const, content: "Say hello" }];

beforeAll(async () => {
  server = await startMockLLMServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function clientFor(baseURL: string): OpenAI {
  return new OpenAI({ apiKey: "test", baseURL, maxRetries: 0, fetch: createHostRoutingFetch(server.url) });
}

describe("host routing fetch", () => {
  it("sends a request meant for a real host to the mock, naming the host in x-forwarded-host", async () => {
    await clientFor("https://api.deepseek.com").chat.completions.create({ model: "deepseek-chat", messages });
    expect(server.requests[0]).toMatchObject({
      path: "/chat/completions",
      headers: { "x-forwarded-host": "api.deepseek.com", authorization: "Bearer test" },
    });
    await clientFor("http://localhost:11434/v1").chat.completions.create({ model: "llama3.2", messages });
    expect(server.requests[1]?.headers["x-forwarded-host"]).toBe("localhost:11434");
  });
});

describe("OpenAI-compatible host differences", () => {
  it("DeepSeek splits the prompt into cache hit and miss tokens and returns reasoning_content", async () => {
    server.enqueue({
      usage: { inputTokens: 1000, cachedInputTokens: 600, outputTokens: 500, reasoningTokens: 100 },
    });
    const completion = await clientFor("https://api.deepseek.com").chat.completions.create({
      model: "deepseek-reasoner",
      messages,
    });
    expect(completion.model).toBe("deepseek-reasoner");
    expect(completion.usage).toEqual({
      prompt_tokens: 1000,
      completion_tokens: 500,
      total_tokens: 1500,
      prompt_cache_hit_tokens: 600,
      prompt_cache_miss_tokens: 400,
      completion_tokens_details: { reasoning_tokens: 100 },
    });
    expect(completion.choices[0]?.message).toMatchObject({ reasoning_content: MOCK_REASONING_TEXT });
    expect(completion).not.toHaveProperty("service_tier");
  });

  it("DeepSeek streams reasoning_content deltas before the answer", async () => {
    server.enqueue({ usage: { reasoningTokens: 10 } });
    const stream = await clientFor("https://api.deepseek.com").chat.completions.create({
      model: "deepseek-reasoner",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let reasoning = "";
    let usage: unknown;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as Record<string, unknown> | undefined;
      if (typeof delta?.reasoning_content === "string") reasoning += delta.reasoning_content;
      usage ??= chunk.usage ?? undefined;
    }
    expect(reasoning).toBe(MOCK_REASONING_TEXT);
    expect(usage).toHaveProperty("prompt_cache_miss_tokens");
  });

  it("OpenRouter echoes the vendor/model name and names the upstream provider", async () => {
    const completion = await clientFor("https://openrouter.ai/api/v1").chat.completions.create({
      model: "anthropic/claude-sonnet-4.5",
      messages,
    });
    expect(completion.model).toBe("anthropic/claude-sonnet-4.5");
    expect(completion).toMatchObject({ provider: "Anthropic" });
  });

  it("Groq puts a stream's usage in x_groq.usage when no usage chunk was asked for", async () => {
    server.enqueue({ usage: { inputTokens: 12, outputTokens: 7 } });
    const stream = await clientFor("https://api.groq.com/openai/v1").chat.completions.create({
      model: "llama-3.3-70b-versatile",
      messages,
      stream: true,
    });
    const chunks: unknown[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.at(-1)).toMatchObject({ x_groq: { usage: { prompt_tokens: 12, completion_tokens: 7 } } });
    expect(server.requests[0]?.path).toBe("/openai/v1/chat/completions");
  });

  it("local servers send the bare counts; usage can be left out", async () => {
    const bare = await clientFor("http://localhost:8000/v1").chat.completions.create({
      model: "qwen3",
      messages,
    });
    expect(bare.usage).toMatchObject({ prompt_tokens_details: null });
    server.enqueue({ omitUsage: true });
    const none = await clientFor("http://localhost:1234/v1").chat.completions.create({
      model: "qwen3",
      messages,
    });
    expect(none.usage).toBeUndefined();
  });
});

describe("Azure OpenAI deployments", () => {
  const azure = () =>
    new AzureOpenAI({
      apiKey: "azure-key",
      endpoint: "https://acme.openai.azure.com",
      apiVersion: "2024-10-21",
      maxRetries: 0,
      fetch: createHostRoutingFetch(server.url),
    });

  it("answers on the deployment path with the api-key header and api-version query", async () => {
    const completion = await azure().chat.completions.create({ model: "my-gpt4o", messages });
    expect(server.requests[0]).toMatchObject({
      path: "/openai/deployments/my-gpt4o/chat/completions",
      query: { "api-version": "2024-10-21" },
      headers: { "api-key": "azure-key", "x-forwarded-host": "acme.openai.azure.com" },
    });
    expect(completion.model).toBe("my-gpt4o");
    expect(completion).toHaveProperty("prompt_filter_results");
    const embedding = await azure().embeddings.create({ model: "my-embedder", input: "hi" });
    expect(embedding.data).toHaveLength(1);
  });

  it("refuses a request without a key or without api-version, as Azure does", async () => {
    const url = `${server.url}/openai/deployments/my-gpt4o/chat/completions`;
    const post = (target: string, headers: Record<string, string>) =>
      fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: "{}",
      });
    expect((await post(`${url}?api-version=2024-10-21`, {})).status).toBe(401);
    expect((await post(url, { "api-key": "k" })).status).toBe(404);
    expect((await post(`${url}?api-version=2024-10-21`, { "api-key": "k" })).status).toBe(200);
  });
});
