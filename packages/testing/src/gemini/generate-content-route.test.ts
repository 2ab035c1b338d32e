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
const request = { contents: [{ role: "user", parts: [{ text: "hi" }] }] };

describe("gemini mock", () => {
  it("answers generateContent with candidates and usageMetadata", async () => {
    server.enqueue({
      thinking: "t",
      usage: { inputTokens: 10, outputTokens: 4, reasoningTokens: 3, cachedInputTokens: 2 },
    });
    const body = await (await post("/v1beta/models/gemini-x:generateContent", request)).json();
    expect(body).toMatchObject({
      candidates: [
        {
          content: {
            role: "model",
            parts: [{ text: "t", thought: true }, { text: "Hello from the Sightline mock." }],
          },
          finishReason: "STOP",
        },
      ],
      usageMetadata: {
        promptTokenCount: 10,
        candidatesTokenCount: 4,
        thoughtsTokenCount: 3,
        cachedContentTokenCount: 2,
        totalTokenCount: 17,
      },
      modelVersion: "gemini-x",
    });
  });

  it("blocks a prompt, streams SSE chunks, embeds and answers Google error bodies", async () => {
    server.enqueue({ blockReason: "SAFETY" }, { text: "abc", chunks: 3 }, {}, { status: 429 });
    const blocked = (await (await post("/v1beta/models/g:generateContent", request)).json()) as {
      promptFeedback: { blockReason: string };
      candidates?: unknown;
    };
    expect(blocked.promptFeedback.blockReason).toBe("SAFETY");
    expect(blocked.candidates).toBeUndefined();
    const text = await (await post("/v1beta/models/g:streamGenerateContent?alt=sse", request)).text();
    expect(text.match(/^data: /gm)).toHaveLength(4);
    const embedded = (await (
      await post("/v1beta/models/e:batchEmbedContents", {
        requests: [{ content: { parts: [{ text: "x" }] } }],
      })
    ).json()) as { embeddings: { values: number[] }[] };
    expect(embedded.embeddings[0]?.values).toHaveLength(8);
    const limited = await post("/v1beta/models/g:generateContent", request);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 429, status: "RESOURCE_EXHAUSTED" } });
  });

  it("answers a JSON-mode request (responseJsonSchema) with schema-shaped JSON", async () => {
    const generationConfig = {
      responseMimeType: "application/json",
      responseJsonSchema: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
    };
    const response = await post("/v1beta/models/g:generateContent", { ...request, generationConfig });
    const body = (await response.json()) as { candidates: { content: { parts: { text: string }[] } }[] };
    expect(JSON.parse(body.candidates[0]?.content.parts[0]?.text ?? "")).toEqual({ n: 0 });
  });
});
