import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { startMockLLMServer } from "./start-mock-llm-server.js";
import type { MockLLMServer } from "./types.js";

let server: MockLLMServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("startMockLLMServer", () => {
  it("binds 127.0.0.1 on an ephemeral port and exposes the OpenAI base URL", async () => {
    server = await startMockLLMServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.openaiBaseURL).toBe(`${server.url}/v1`);
  });

  it("answers 404 with an OpenAI error body to unknown paths without consuming a script", async () => {
    server = await startMockLLMServer();
    server.enqueue({ text: "kept" });
    const response = await fetch(`${server.url}/v1/unknown?x=1`, { method: "POST", body: "plain text" });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { type: "invalid_request_error", code: "unknown_url" },
    });
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/v1/unknown", body: "plain text" });
    const client = new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: "m", messages: [] });
    expect(completion.choices[0]?.message.content).toBe("kept");
  });

  it("respond() scripts answers per request (by model here), concurrently, behind enqueued scripts", async () => {
    server = await startMockLLMServer({
      respond: (request) => {
        const model = (request.body as { model?: string }).model;
        return model === "worse" ? { text: "wrong" } : undefined;
      },
    });
    const client = new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 });
    const ask = async (model: string) =>
      (await client.chat.completions.create({ model, messages: [{ role: "user", content: "Hi" }] }))
        .choices[0]?.message.content;
    server.enqueue({ text: "queued" });
    expect(await ask("worse")).toBe("queued");
    expect(await Promise.all([ask("worse"), ask("good"), ask("worse")])).toEqual([
      "wrong",
      "Hello from the Sightline mock.",
      "wrong",
    ]);
  });

  it("reset() clears the queue and the recorded requests", async () => {
    server = await startMockLLMServer();
    server.enqueue({ status: 500 });
    await fetch(`${server.url}/v1/nothing`);
    server.reset();
    expect(server.requests).toEqual([]);
    const client = new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 });
    await expect(client.chat.completions.create({ model: "m", messages: [] })).resolves.toBeDefined();
  });

  it("keeps only the last 1000 requests", async () => {
    server = await startMockLLMServer();
    const url = server.url;
    for (let batch = 0; batch < 21; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          fetch(`${url}/v1/none`, { method: "POST", body: JSON.stringify({ n: batch * 50 + index }) }).then(
            (response) => response.arrayBuffer(),
          ),
        ),
      );
    }
    expect(server.requests).toHaveLength(1000);
  });

  it("accepts a multi-megabyte body", async () => {
    server = await startMockLLMServer();
    const client = new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 });
    const content = "x".repeat(3 * 1024 * 1024);
    const completion = await client.chat.completions.create({
      model: "m",
      messages: [{ role: "user", content }],
    });
    expect(completion.usage?.prompt_tokens).toBe(Math.ceil(`user ${content}`.length / 4));
  });

  it("close() destroys an open stream so the client's iteration fails instead of hanging", async () => {
    server = await startMockLLMServer();
    server.enqueue({ chunkDelayMs: 60_000 });
    const client = new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: "m", messages: [], stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const pending = iterator.next();
    await server.close();
    server = undefined;
    await expect(pending).rejects.toThrow();
  });

  it("survives a client aborting a paced stream and serves the next request", async () => {
    server = await startMockLLMServer();
    server.enqueue({ chunkDelayMs: 200, text: "a long answer in many pieces", chunks: 20 });
    const client = new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: "m", messages: [], stream: true });
    const received: unknown[] = [];
    for await (const chunk of stream) {
      received.push(chunk);
      if (received.length === 2) stream.controller.abort();
    }
    expect(received).toHaveLength(2);
    const next = await client.chat.completions.create({ model: "m", messages: [] });
    expect(next.choices[0]?.message.content).toBe("Hello from the Sightline mock.");
  });
});
