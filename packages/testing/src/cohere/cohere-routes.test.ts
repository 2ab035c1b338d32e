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
  fetch(`${server.url}/cohere${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const chat = { model: "command-a-03-2025", messages: [{ role: "user", content: "hi" }] };

describe("cohere mock", () => {
  it("answers /v2/chat with message content, finish_reason and usage", async () => {
    server.enqueue({ usage: { inputTokens: 10, outputTokens: 4 }, finishReason: "MAX_TOKENS" });
    const body = await (await post("/v2/chat", chat)).json();
    expect(body).toMatchObject({
      id: expect.stringMatching(/^cohere-mock-/),
      finish_reason: "MAX_TOKENS",
      message: { role: "assistant", content: [{ type: "text", text: "Hello from the Sightline mock." }] },
      usage: {
        billed_units: { input_tokens: 10, output_tokens: 4 },
        tokens: { input_tokens: 10, output_tokens: 4 },
      },
    });
  });

  it("streams typed events, ending with message-end", async () => {
    server.enqueue({ text: "abc", chunks: 3 });
    const text = await (await post("/v2/chat", { ...chat, stream: true })).text();
    const events = [...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1]);
    expect(events).toEqual([
      "message-start",
      "content-start",
      "content-delta",
      "content-delta",
      "content-delta",
      "content-end",
      "message-end",
    ]);
    expect(text).toContain('"finish_reason":"COMPLETE"');
  });

  it("embeds, reranks with search units, and answers Cohere error bodies", async () => {
    server.enqueue({}, {}, { status: 429 });
    const embedded = (await (
      await post("/v2/embed", { model: "embed-v4.0", texts: ["a", "b"], embedding_types: ["float"] })
    ).json()) as { embeddings: { float: number[][] }; meta: { billed_units: { input_tokens: number } } };
    expect(embedded.embeddings.float).toHaveLength(2);
    expect(embedded.embeddings.float[0]).toHaveLength(8);
    expect(embedded.meta.billed_units.input_tokens).toBeGreaterThan(0);
    const reranked = await (
      await post("/v2/rerank", {
        model: "rerank-v3.5",
        query: "red apple",
        documents: ["a banana", "a red apple", "an apple"],
        top_n: 2,
      })
    ).json();
    expect(reranked).toMatchObject({
      results: [
        { index: 1, relevance_score: 1 },
        { index: 2, relevance_score: 0.5 },
      ],
      meta: { billed_units: { search_units: 1 } },
    });
    const failed = await post("/v2/chat", chat);
    expect(failed.status).toBe(429);
    expect(await failed.json()).toMatchObject({ message: expect.stringContaining("429") });
    expect((await post("/v2/unknown", {})).status).toBe(404);
  });
});
