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
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const lines = async (response: Response) =>
  (await response.text())
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const messages = [{ role: "user", content: "hi" }];

describe("ollama mock", () => {
  it("answers /api/chat with stream: false as one object with counts, timings and done_reason", async () => {
    server.enqueue({ text: "ok", usage: { inputTokens: 3, outputTokens: 2 } });
    const body = await (await post("/api/chat", { model: "llama3.2", messages, stream: false })).json();
    expect(body).toMatchObject({
      model: "llama3.2",
      message: { role: "assistant", content: "ok" },
      done: true,
      done_reason: "stop",
      prompt_eval_count: 3,
      eval_count: 2,
      total_duration: 5_000_000,
      load_duration: 1_000_000,
      prompt_eval_duration: 1_500_000,
      eval_duration: 2_500_000,
    });
  });

  it("streams NDJSON by default (Ollama's default), the counts on the final done object", async () => {
    server.enqueue({ text: "abc", chunks: 3, toolCalls: [{ name: "f", arguments: '{"a":1}' }] });
    const response = await post("/api/chat", { model: "llama3.2", messages });
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    const objects = await lines(response);
    expect(objects.map((object) => object.done)).toEqual([false, false, false, false, true]);
    expect(objects[3]).toMatchObject({
      message: { tool_calls: [{ function: { name: "f", arguments: { a: 1 } } }] },
    });
    expect(objects[4]).toMatchObject({ done_reason: "stop", eval_count: expect.any(Number) });
    expect(objects[0]).not.toHaveProperty("eval_count");
  });

  it("answers /api/generate with `response` and `context`, streamed or not", async () => {
    const plain = await (await post("/api/generate", { model: "qwen3", prompt: "p", stream: false })).json();
    expect(plain).toMatchObject({
      response: "Hello from the Sightline mock.",
      done: true,
      context: [1, 2, 3],
    });
    const streamed = await lines(await post("/api/generate", { model: "qwen3", prompt: "p", stream: true }));
    expect(streamed.map((object) => object.response).join("")).toBe("Hello from the Sightline mock.");
  });

  it("answers /api/embed and the legacy /api/embeddings", async () => {
    const embed = (await (await post("/api/embed", { model: "e", input: ["a", "b"] })).json()) as {
      embeddings: unknown[];
    };
    expect(embed).toMatchObject({ model: "e", prompt_eval_count: expect.any(Number) });
    expect(embed.embeddings).toHaveLength(2);
    const legacy = (await (await post("/api/embeddings", { model: "e", prompt: "a" })).json()) as object;
    expect(Object.keys(legacy)).toEqual(["embedding"]);
  });

  it("answers errors with Ollama's { error } body, mid-stream errors as an error line", async () => {
    server.enqueue({ status: 404 }, { chunks: 4, errorChunkAt: 2 });
    const refused = await post("/api/chat", { model: "m", messages });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: expect.stringContaining("ollama") });
    const objects = await lines(await post("/api/chat", { model: "m", messages }));
    expect(objects.at(-1)).toEqual({ error: expect.any(String) });
    const unknown = await post("/api/nope", {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: expect.any(String) });
  });

  it("leaves /api/v1/ (OpenAI-compatible prefixes) and /v1/ to the OpenAI module", async () => {
    const response = await post("/api/v1/chat/completions", { model: "m", messages });
    expect(await response.json()).toHaveProperty("choices");
  });
});
