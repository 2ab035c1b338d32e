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

describe("chat completions, non-streaming", () => {
  it("answers the default reply with deterministic usage and records the request", async () => {
    const completion = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages,
      temperature: 0.2,
    });
    expect(completion.object).toBe("chat.completion");
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.model).toBe("gpt-4o-mini-2026-01-01");
    expect(completion.system_fingerprint).toBe("fp_mock");
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0]?.message.content).toBe("Hello from the Sightline mock.");
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(completion.usage).toMatchObject({
      prompt_tokens: Math.ceil("user Say hello to the test suite".length / 4),
      completion_tokens: Math.ceil("Hello from the Sightline mock.".length / 4),
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      path: "/v1/chat/completions",
      body: { model: "gpt-4o-mini", messages, temperature: 0.2 },
    });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer test");
  });

  it("uses scripted text, model, fingerprint, finish reason and usage, in FIFO order", async () => {
    server.enqueue(
      {
        text: "first",
        model: "custom-model",
        systemFingerprint: "fp_x",
        finishReason: "length",
        usage: { inputTokens: 11, outputTokens: 7, cachedInputTokens: 3, reasoningTokens: 2 },
      },
      { text: "second" },
    );
    const first = await client.chat.completions.create({ model: "gpt-4o-2024-08-06", messages });
    const second = await client.chat.completions.create({ model: "gpt-4o-2024-08-06", messages });
    const third = await client.chat.completions.create({ model: "gpt-4o-2024-08-06", messages });
    expect(first.choices[0]?.message.content).toBe("first");
    expect(first.model).toBe("custom-model");
    expect(first.system_fingerprint).toBe("fp_x");
    expect(first.choices[0]?.finish_reason).toBe("length");
    expect(first.usage).toMatchObject({
      prompt_tokens: 11,
      completion_tokens: 7,
      total_tokens: 18,
      prompt_tokens_details: { cached_tokens: 3 },
      completion_tokens_details: { reasoning_tokens: 2 },
    });
    expect(second.choices[0]?.message.content).toBe("second");
    expect(second.model).toBe("gpt-4o-2024-08-06");
    expect(third.choices[0]?.message.content).toBe("Hello from the Sightline mock.");
  });

  it("answers n choices and omits usage when told to", async () => {
    server.enqueue({ omitUsage: true });
    const completion = await client.chat.completions.create({ model: "gpt-4o", messages, n: 3 });
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
    expect(completion.usage).toBeUndefined();
  });

  it("returns tool calls with finish reason tool_calls and null content", async () => {
    server.enqueue({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }] });
    const completion = await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }],
    });
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.tool_calls).toEqual([
      { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
    ]);
  });

  it("answers schema-shaped JSON to parse() with a json_schema response format", async () => {
    const completion = await client.chat.completions.parse({
      model: "gpt-4o",
      messages,
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "person",
          strict: true,
          schema: {
            type: "object",
            properties: {
              name: { type: "string" },
              age: { type: "integer" },
              tags: { type: "array", items: {} },
            },
            required: ["name", "age", "tags"],
            additionalProperties: false,
          },
        },
      },
    });
    expect(completion.choices[0]?.message.parsed).toEqual({ name: "mock", age: 0, tags: [] });
  });
});

describe("chat completions, streaming", () => {
  it("streams role, content pieces and a finish chunk, without usage unless asked", async () => {
    server.enqueue({ text: "abcdefghij", chunks: 5 });
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(7);
    expect(chunks[0]?.choices[0]?.delta.role).toBe("assistant");
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("")).toBe("abcdefghij");
    expect(chunks.slice(1, 6).map((chunk) => chunk.choices[0]?.delta.content)).toEqual([
      "ab",
      "cd",
      "ef",
      "gh",
      "ij",
    ]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.every((chunk) => chunk.usage == null)).toBe(true);
    expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk")).toBe(true);
  });

  it("adds a final choices-free usage chunk when include_usage is set", async () => {
    server.enqueue({ usage: { inputTokens: 5, outputTokens: 9 } });
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 9, total_tokens: 14 });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it("never sends usage when omitUsage is set, even if asked", async () => {
    server.enqueue({ omitUsage: true });
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
  });

  it("streams tool call deltas that the stream helper assembles", async () => {
    server.enqueue({
      toolCalls: [
        { id: "call_a", name: "lookup", arguments: '{"query":"otel"}' },
        { name: "second", arguments: "{}" },
      ],
    });
    const runner = client.chat.completions.stream({
      model: "gpt-4o",
      messages,
      stream_options: { include_usage: true },
    });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.finish_reason).toBe("tool_calls");
    expect(final.choices[0]?.message.tool_calls).toMatchObject([
      { id: "call_a", type: "function", function: { name: "lookup", arguments: '{"query":"otel"}' } },
      { type: "function", function: { name: "second", arguments: "{}" } },
    ]);
    expect(final.usage?.total_tokens).toBeGreaterThan(0);
  });

  it("works with the stream helper's content events and finalContent()", async () => {
    server.enqueue({ text: "streamed helper text", chunks: 4, chunkDelayMs: 2, firstChunkDelayMs: 5 });
    const runner = client.chat.completions.stream({ model: "gpt-4o", messages });
    const deltas: string[] = [];
    runner.on("content", (delta) => deltas.push(delta));
    expect(await runner.finalContent()).toBe("streamed helper text");
    expect(deltas).toHaveLength(4);
  });

  it("streams n choices, each with its own finish chunk", async () => {
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages, n: 2, stream: true });
    const finished = [];
    for await (const chunk of stream) {
      for (const choice of chunk.choices) if (choice.finish_reason) finished.push(choice.index);
    }
    expect(finished).toEqual([0, 1]);
  });
});

describe("scripted refusals", () => {
  const refusal = "I can't help with that.";

  it("chat: the message's refusal field with null content, streamed as delta.refusal", async () => {
    server.enqueue({ refusal }, { refusal, chunks: 2 });
    const completion = await client.chat.completions.create({ model: "gpt-4o", messages });
    expect(completion.choices[0]?.message).toMatchObject({ content: null, refusal });
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    const pieces: string[] = [];
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      if (delta?.refusal) pieces.push(delta.refusal);
    }
    expect(pieces).toHaveLength(2);
    expect(pieces.join("")).toBe(refusal);
  });

  it("responses: a refusal content part, streamed as response.refusal.delta events", async () => {
    server.enqueue({ refusal }, { refusal });
    const response = await client.responses.create({ model: "gpt-4o", input: "hi" });
    const message = response.output.find((item) => item.type === "message");
    expect(message?.type === "message" ? message.content : undefined).toEqual([{ type: "refusal", refusal }]);
    const stream = await client.responses.create({ model: "gpt-4o", input: "hi", stream: true });
    let streamed = "";
    for await (const event of stream) if (event.type === "response.refusal.delta") streamed += event.delta;
    expect(streamed).toBe(refusal);
  });
});
