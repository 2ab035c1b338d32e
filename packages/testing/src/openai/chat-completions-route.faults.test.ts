import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMockLLMServer } from "../start-mock-llm-server.js";
import type { MockLLMServer } from "../types.js";

let server: MockLLMServer;
let client: OpenAI;
const messages = [{ role: "user" as const, content: "Say hello to the test suite" }];

beforeAll(async () => {
  server = await startMockLLMServer();
  client = new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("chat completions, faults", () => {
  it("429 makes the SDK throw a RateLimitError with the OpenAI error body", async () => {
    server.enqueue({ status: 429 });
    const error = await client.chat.completions
      .create({ model: "gpt-4o", messages })
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.status).toBe(429);
    expect(error.code).toBe("rate_limit_exceeded");
    expect(error.type).toBe("requests");
    expect(error.headers.get("retry-after")).toBe("0");
  });

  it("500 makes the SDK throw an InternalServerError; errorBody overrides the body", async () => {
    server.enqueue(
      { status: 500 },
      { status: 400, errorBody: { error: { message: "custom", type: "x", code: "y" } } },
    );
    const serverError = await client.chat.completions
      .create({ model: "gpt-4o", messages })
      .catch((caught) => caught);
    expect(serverError).toBeInstanceOf(OpenAI.InternalServerError);
    expect(serverError.type).toBe("server_error");
    const badRequest = await client.chat.completions
      .create({ model: "gpt-4o", messages })
      .catch((caught) => caught);
    expect(badRequest).toBeInstanceOf(OpenAI.BadRequestError);
    expect(badRequest.message).toContain("custom");
    expect(badRequest.code).toBe("y");
  });

  it("a status fault also applies to streaming requests", async () => {
    server.enqueue({ status: 429 });
    const error = await client.chat.completions
      .create({ model: "gpt-4o", messages, stream: true })
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
  });

  it("a stream cut after N chunks makes the iteration throw after those chunks", async () => {
    server.enqueue({ cutAfterChunks: 2 });
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    const received: unknown[] = [];
    const iterate = async () => {
      for await (const chunk of stream) received.push(chunk);
    };
    await expect(iterate()).rejects.toThrow();
    expect(received).toHaveLength(2);
  });

  it("a malformed chunk makes the SDK throw while iterating", async () => {
    server.enqueue({ malformedChunkAt: 1 });
    // The SDK logs the bad chunk before throwing; keep the test output clean.
    const quietClient = new OpenAI({
      apiKey: "test",
      baseURL: server.openaiBaseURL,
      maxRetries: 0,
      logLevel: "off",
    });
    const stream = await quietClient.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    const received: unknown[] = [];
    const iterate = async () => {
      for await (const chunk of stream) received.push(chunk);
    };
    await expect(iterate()).rejects.toThrow(/JSON/);
    expect(received).toHaveLength(1);
  });

  it("a mid-stream error event makes the SDK throw an APIError after the earlier chunks", async () => {
    server.enqueue({ errorChunkAt: 3 });
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    const received: unknown[] = [];
    const iterate = async () => {
      for await (const chunk of stream) received.push(chunk);
    };
    const error = await iterate().catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error.message).toContain("failed mid-stream");
    expect(received).toHaveLength(3);
  });

  it("delayMs holds the answer: a client timeout shorter than the delay fires", async () => {
    server.enqueue({ delayMs: 3_000 }, { delayMs: 20 });
    const timedOut = await client.chat.completions
      .create({ model: "gpt-4o", messages }, { timeout: 100 })
      .catch((caught) => caught);
    expect(timedOut).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    const delayed = await client.chat.completions.create({ model: "gpt-4o", messages });
    expect(delayed.choices[0]?.message.content).toBe("Hello from the Sightline mock.");
  });
});
