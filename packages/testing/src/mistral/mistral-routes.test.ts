import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMockLLMServer } from "../start-mock-llm-server.js";
import type { MockLLMServer } from "../types.js";

let server: MockLLMServer;
beforeAll(async () => {
  server = await startMockLLMServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const post = (path: string, body: unknown) =>
  fetch(`${server.url}/mistral${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const chat = { model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] };

describe("mistral mock", () => {
  it("answers a chat completion in Mistral's shape, with the requested model and cached tokens", async () => {
    server.enqueue({ usage: { inputTokens: 10, outputTokens: 4, cachedInputTokens: 3 } });
    const body = await (await post("/v1/chat/completions", chat)).json();
    expect(body).toMatchObject({
      object: "chat.completion",
      model: "mistral-small-latest",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Hello from the Sightline mock.", tool_calls: null },
          finish_reason: "stop",
        },
      ],
      usage: {
        prompt_tokens: 10,
        completion_tokens: 4,
        total_tokens: 14,
        prompt_tokens_details: { cached_tokens: 3 },
      },
    });
  });

  it("streams SSE chunks with usage on the last one, and [DONE]", async () => {
    server.enqueue({ text: "abc", chunks: 3 });
    const text = await (await post("/v1/chat/completions", { ...chat, stream: true })).text();
    const frames = text.match(/^data: .*$/gm) ?? [];
    expect(frames).toHaveLength(6);
    expect(frames.at(-1)).toBe("data: [DONE]");
    const last = JSON.parse(frames.at(-2)?.slice(6) ?? "{}");
    expect(last).toMatchObject({ choices: [{ finish_reason: "stop" }], usage: { completion_tokens: 1 } });
  });

  it("answers FIM and agents completions, and embeddings", async () => {
    const fim = await (
      await post("/v1/fim/completions", { model: "codestral-latest", prompt: "def" })
    ).json();
    expect(fim).toMatchObject({ model: "codestral-latest", choices: [{ finish_reason: "stop" }] });
    const agent = await (
      await post("/v1/agents/completions", { agent_id: "ag_1", messages: chat.messages })
    ).json();
    expect(agent).toMatchObject({ model: "mistral-medium-latest", choices: [{ finish_reason: "stop" }] });
    const embedded = (await (
      await post("/v1/embeddings", { model: "mistral-embed", input: ["a", "b"] })
    ).json()) as { data: { embedding: number[] }[]; usage: { prompt_tokens: number } };
    expect(embedded.data).toHaveLength(2);
    expect(embedded.data[0]?.embedding).toHaveLength(8);
    expect(embedded.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it("answers errors in Mistral's shape and leaves OpenAI's /v1/ routes alone", async () => {
    server.enqueue({ status: 429 });
    const limited = await post("/v1/chat/completions", chat);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ object: "error", type: "rate_limited", code: "429" });
    const openai = await fetch(`${server.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(chat),
    });
    expect(await openai.json()).toMatchObject({ object: "chat.completion", system_fingerprint: "fp_mock" });
  });
});
