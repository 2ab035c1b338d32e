import { EventStreamCodec } from "@smithy/eventstream-codec";
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
const converse = { messages: [{ role: "user", content: [{ text: "hi" }] }] };
const codec = new EventStreamCodec(
  (bytes) => new TextDecoder().decode(bytes),
  (text) => new TextEncoder().encode(text),
);

/** Splits an event-stream body into its messages (each prelude starts with the message's total length). */
function decodeEvents(bytes: Uint8Array): { type: string; payload: unknown }[] {
  const events: { type: string; payload: unknown }[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
    const message = codec.decode(bytes.subarray(offset, offset + length));
    const type = String(message.headers[":event-type"]?.value ?? message.headers[":exception-type"]?.value);
    events.push({ type, payload: JSON.parse(new TextDecoder().decode(message.body)) });
    offset += length;
  }
  return events;
}

describe("bedrock mock", () => {
  it("answers converse with the output message, stop reason, usage and a request id header", async () => {
    server.enqueue({ usage: { inputTokens: 10, outputTokens: 4, cachedInputTokens: 2 } });
    const response = await post("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse", converse);
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^req-mock-/);
    expect(await response.json()).toMatchObject({
      output: { message: { role: "assistant", content: [{ text: "Hello from the Sightline mock." }] } },
      stopReason: "end_turn",
      usage: { inputTokens: 10, outputTokens: 4, totalTokens: 14, cacheReadInputTokens: 2 },
    });
    expect(server.requests[0]?.path).toBe("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse");
  });

  it("frames converse-stream as application/vnd.amazon.eventstream events", async () => {
    server.enqueue({ text: "one two", chunks: 2, toolCalls: [{ name: "f", arguments: '{"a":1}' }] });
    const response = await post("/model/amazon.nova-pro-v1%3A0/converse-stream", converse);
    expect(response.headers.get("content-type")).toBe("application/vnd.amazon.eventstream");
    const events = decodeEvents(new Uint8Array(await response.arrayBuffer()));
    expect(events.map((event) => event.type)).toEqual([
      "messageStart",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockStop",
      "contentBlockStart",
      "contentBlockDelta",
      "contentBlockStop",
      "messageStop",
      "metadata",
    ]);
    expect(events[7]?.payload).toEqual({ stopReason: "tool_use" });
  });

  it("answers invoke in the model family's body with token-count headers", async () => {
    server.enqueue({ usage: { inputTokens: 3, outputTokens: 2 } });
    const response = await post("/model/meta.llama3-8b-instruct-v1%3A0/invoke", { prompt: "hi" });
    expect(response.headers.get("x-amzn-bedrock-input-token-count")).toBe("3");
    expect(response.headers.get("x-amzn-bedrock-output-token-count")).toBe("2");
    expect(await response.json()).toEqual({
      generation: "Hello from the Sightline mock.",
      prompt_token_count: 3,
      generation_token_count: 2,
      stop_reason: "stop",
    });
  });

  it("streams invoke-with-response-stream as chunk events of base64 family chunks, metrics last", async () => {
    server.enqueue({ text: "ab", chunks: 2, usage: { inputTokens: 5, outputTokens: 1 } });
    const response = await post(
      "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke-with-response-stream",
      {},
    );
    const events = decodeEvents(new Uint8Array(await response.arrayBuffer()));
    const chunks = events.map((event) =>
      JSON.parse(Buffer.from(String((event.payload as { bytes: string }).bytes), "base64").toString()),
    );
    expect(chunks.map((chunk) => chunk.type)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(chunks.at(-1)?.["amazon-bedrock-invocationMetrics"]).toMatchObject({
      inputTokenCount: 5,
      outputTokenCount: 1,
    });
  });

  it("answers a scripted error with the AWS error shape in __type", async () => {
    server.enqueue({ status: 429 });
    const response = await post("/model/amazon.nova-pro-v1%3A0/converse", converse);
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ __type: "ThrottlingException" });
  });

  it("sends a modelStreamErrorException at errorChunkAt", async () => {
    server.enqueue({ errorChunkAt: 1 });
    const response = await post("/model/amazon.nova-pro-v1%3A0/converse-stream", converse);
    const events = decodeEvents(new Uint8Array(await response.arrayBuffer()));
    expect(events.map((event) => event.type)).toEqual(["messageStart", "modelStreamErrorException"]);
  });

  it("answers ApplyGuardrail: NONE for plain text, GUARDRAIL_INTERVENED when the text says forbidden", async () => {
    const apply = (text: string) =>
      post("/guardrail/gr-1/version/1/apply", { source: "INPUT", content: [{ text: { text } }] });
    expect(await (await apply("hello")).json()).toMatchObject({ action: "NONE", outputs: [] });
    const intervened = await apply("a Forbidden topic");
    expect(intervened.headers.get("x-amzn-requestid")).toMatch(/^req-mock-/);
    expect(await intervened.json()).toMatchObject({
      action: "GUARDRAIL_INTERVENED",
      outputs: [{ text: expect.any(String) }],
      assessments: [{ topicPolicy: { topics: [{ action: "BLOCKED" }] } }],
      usage: { topicPolicyUnits: 1 },
    });
    server.enqueue({ status: 400 });
    const failed = await apply("hello");
    expect(failed.status).toBe(400);
    expect(await failed.json()).toMatchObject({ __type: "ValidationException" });
  });
});
