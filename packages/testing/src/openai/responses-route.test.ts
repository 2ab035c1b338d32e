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

describe("responses, non-streaming", () => {
  it("answers a completed response whose output_text the SDK derives", async () => {
    const response = await client.responses.create({ model: "gpt-4.1", input: "Tell me something" });
    expect(response.object).toBe("response");
    expect(response.id).toMatch(/^resp_/);
    expect(response.status).toBe("completed");
    expect(response.model).toBe("gpt-4.1-2026-01-01");
    expect(response.output_text).toBe("Hello from the Sightline mock.");
    expect(response.usage).toMatchObject({
      input_tokens: Math.ceil("Tell me something".length / 4),
      output_tokens: Math.ceil("Hello from the Sightline mock.".length / 4),
      input_tokens_details: { cached_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 0 },
    });
    expect(server.requests[0]?.path).toBe("/v1/responses");
  });

  it("returns function_call items for scripted tool calls", async () => {
    server.enqueue({ toolCalls: [{ id: "call_9", name: "search", arguments: '{"q":"x"}' }] });
    const response = await client.responses.create({ model: "gpt-4.1", input: "Search" });
    expect(response.output).toEqual([
      {
        id: expect.any(String),
        type: "function_call",
        status: "completed",
        call_id: "call_9",
        name: "search",
        arguments: '{"q":"x"}',
      },
    ]);
  });

  it("maps finishReason length to an incomplete response", async () => {
    server.enqueue({ text: "partial", finishReason: "length" });
    const response = await client.responses.create({ model: "gpt-4.1", input: "Go on" });
    expect(response.status).toBe("incomplete");
    expect(response.incomplete_details).toEqual({ reason: "max_output_tokens" });
  });

  it("answers schema-shaped JSON for a json_schema text format", async () => {
    const response = await client.responses.parse({
      model: "gpt-4.1",
      input: "JSON please",
      text: {
        format: {
          type: "json_schema",
          name: "answer",
          strict: true,
          schema: {
            type: "object",
            properties: { ok: { type: "boolean" } },
            required: ["ok"],
            additionalProperties: false,
          },
        },
      },
    });
    expect(response.output_parsed).toEqual({ ok: false });
  });

  it("a 500 script gives the OpenAI error body", async () => {
    server.enqueue({ status: 500 });
    const error = await client.responses.create({ model: "gpt-4.1", input: "x" }).catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error.error).toMatchObject({ type: "server_error", param: null });
  });
});

describe("responses, streaming", () => {
  it("streams the named events in order with increasing sequence numbers", async () => {
    server.enqueue({ text: "one two three", chunks: 3, usage: { inputTokens: 4, outputTokens: 6 } });
    const stream = await client.responses.create({ model: "gpt-4.1", input: "Count", stream: true });
    const events = [];
    for await (const event of stream) events.push(event);
    expect(events.map((event) => event.type)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    const completed = events.at(-1);
    expect(completed?.type === "response.completed" && completed.response.usage).toMatchObject({
      input_tokens: 4,
      output_tokens: 6,
      total_tokens: 10,
    });
  });

  it("works with the responses.stream() helper and finalResponse()", async () => {
    server.enqueue({ text: "helper text", toolCalls: [{ name: "tool", arguments: '{"a":1}' }] });
    const stream = client.responses.stream({ model: "gpt-4.1", input: "Go" });
    const deltas: string[] = [];
    stream.on("response.output_text.delta", (event) => deltas.push(event.delta));
    const final = await stream.finalResponse();
    expect(deltas.join("")).toBe("helper text");
    expect(final.output_text).toBe("helper text");
    expect(final.output.map((item) => item.type)).toEqual(["message", "function_call"]);
    expect(final.usage?.total_tokens).toBeGreaterThan(0);
  });

  it("ends with response.failed when finishReason is failed", async () => {
    server.enqueue({ finishReason: "failed" });
    const stream = await client.responses.create({ model: "gpt-4.1", input: "x", stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe("response.failed");
  });

  it("a cut stream makes the iteration throw", async () => {
    server.enqueue({ cutAfterChunks: 3 });
    const stream = await client.responses.create({ model: "gpt-4.1", input: "x", stream: true });
    const types: string[] = [];
    const iterate = async () => {
      for await (const event of stream) types.push(event.type);
    };
    await expect(iterate()).rejects.toThrow();
    expect(types).toHaveLength(3);
  });

  it("a malformed event makes the SDK throw while iterating", async () => {
    server.enqueue({ malformedChunkAt: 2 });
    const quietClient = new OpenAI({
      apiKey: "test",
      baseURL: server.openaiBaseURL,
      maxRetries: 0,
      logLevel: "off",
    });
    const stream = await quietClient.responses.create({ model: "gpt-4.1", input: "x", stream: true });
    const iterate = async () => {
      for await (const _event of stream) {
        // drain
      }
    };
    await expect(iterate()).rejects.toThrow(/JSON/);
  });

  it("a mid-stream error event makes the SDK throw an APIError", async () => {
    server.enqueue({ errorChunkAt: 4 });
    const stream = await client.responses.create({ model: "gpt-4.1", input: "x", stream: true });
    const types: string[] = [];
    const iterate = async () => {
      for await (const event of stream) types.push(event.type);
    };
    const error = await iterate().catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error.message).toContain("failed mid-stream");
    expect(types).toHaveLength(4);
  });

  it("the stream helper rejects finalResponse() on a cut stream", async () => {
    server.enqueue({ cutAfterChunks: 5 });
    const stream = client.responses.stream({ model: "gpt-4.1", input: "x" });
    await expect(stream.finalResponse()).rejects.toThrow();
  });
});
