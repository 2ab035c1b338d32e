import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMockLLMServer } from "../start-mock-llm-server.js";
import type { MockLLMServer } from "../types.js";

let server: MockLLMServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startMockLLMServer();
  client = new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("embeddings", () => {
  it("answers base64 by default (the SDK decodes it) with 8 unit-length dimensions", async () => {
    const response = await client.embeddings.create({ model: "text-embedding-3-small", input: "hello" });
    expect(server.requests[0]?.body).toMatchObject({ encoding_format: "base64" });
    expect(response.object).toBe("list");
    expect(response.data).toHaveLength(1);
    const vector = response.data[0]?.embedding ?? [];
    expect(vector).toHaveLength(8);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(response.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
    expect(response.model).toBe("text-embedding-3-small");
  });

  it("gives the same numbers as float and as base64, deterministic per input", async () => {
    const asFloat = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["alpha", "beta"],
      encoding_format: "float",
    });
    const asBase64 = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["alpha", "beta"],
    });
    expect(asFloat.data.map((item) => item.index)).toEqual([0, 1]);
    expect(asFloat.data.map((item) => item.embedding)).toEqual(asBase64.data.map((item) => item.embedding));
    expect(asFloat.data[0]?.embedding).not.toEqual(asFloat.data[1]?.embedding);
  });

  it("honours dimensions and scripted usage", async () => {
    server.enqueue({ usage: { inputTokens: 42 } });
    const response = await client.embeddings.create({
      model: "text-embedding-3-large",
      input: "x",
      dimensions: 32,
    });
    expect(response.data[0]?.embedding).toHaveLength(32);
    expect(response.usage.prompt_tokens).toBe(42);
  });

  it("answers one vector per token array", async () => {
    const response = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: [
        [1, 2, 3],
        [4, 5],
      ],
      encoding_format: "float",
    });
    expect(response.data).toHaveLength(2);
  });

  it("a 429 script throws a RateLimitError", async () => {
    server.enqueue({ status: 429 });
    await expect(client.embeddings.create({ model: "m", input: "x" })).rejects.toBeInstanceOf(
      OpenAI.RateLimitError,
    );
  });
});
