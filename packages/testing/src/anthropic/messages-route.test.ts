import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMockLLMServer } from "../start-mock-llm-server.js";
import type { MockLLMServer } from "../types.js";

let server: MockLLMServer;
beforeAll(async () => {
  server = await startMockLLMServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const post = (path: string, body: unknown, headers: Record<string, string> = { "x-api-key": "k" }) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const request = { model: "claude-x", max_tokens: 10, messages: [{ role: "user", content: "hi" }] };

describe("anthropic messages mock", () => {
  it("accepts x-api-key and Authorization: Bearer, refuses neither", async () => {
    expect((await post("/v1/messages", request)).status).toBe(200);
    expect((await post("/v1/messages", request, { authorization: "Bearer k" })).status).toBe(200);
    const refused = await post("/v1/messages", request, {});
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ type: "error", error: { type: "authentication_error" } });
  });

  it("answers a message with thinking, text, tool use and Anthropic usage", async () => {
    server.enqueue({
      thinking: "hmm",
      text: "ok",
      toolCalls: [{ name: "f", arguments: '{"a":1}' }],
      usage: { inputTokens: 5, outputTokens: 7, cachedInputTokens: 3, cacheCreationInputTokens: 2 },
    });
    const body = await (await post("/v1/messages", request)).json();
    expect(body).toMatchObject({
      type: "message",
      model: "claude-x-2026-01-01",
      stop_reason: "tool_use",
      content: [
        { type: "thinking", thinking: "hmm" },
        { type: "text", text: "ok" },
        { type: "tool_use", name: "f", input: { a: 1 } },
      ],
      usage: {
        input_tokens: 5,
        output_tokens: 7,
        cache_read_input_tokens: 3,
        cache_creation_input_tokens: 2,
      },
    });
  });

  it("streams named events and answers 529 with overloaded_error", async () => {
    server.enqueue({ text: "abc", chunks: 3 }, { status: 529 });
    const text = await (await post("/v1/messages", { ...request, stream: true })).text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
    expect(events).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    const overloaded = await post("/v1/messages", request);
    expect(overloaded.status).toBe(529);
    expect(await overloaded.json()).toMatchObject({ type: "error", error: { type: "overloaded_error" } });
  });

  it("counts tokens", async () => {
    server.enqueue({ usage: { inputTokens: 42 } });
    expect(await (await post("/v1/messages/count_tokens", request)).json()).toEqual({ input_tokens: 42 });
  });

  it("answers a structured-output request (output_config.format json_schema) with schema-shaped JSON", async () => {
    const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };
    for (const extra of [
      { output_config: { format: { type: "json_schema", schema } } },
      { output_format: { type: "json_schema", schema } },
    ]) {
      const body = (await (await post("/v1/messages", { ...request, ...extra })).json()) as {
        content: { text: string }[];
      };
      expect(JSON.parse(body.content[0]?.text ?? "")).toEqual({ city: "mock" });
    }
  });
});
