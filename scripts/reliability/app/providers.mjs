// One description per provider SDK: how to build its raw client against a base URL, how to wrap it,
// how to make a plain or streamed chat call, and what a valid response body and stream look like
// (the fuzzer mutates those). Shared by the provider-fault and fuzz scenarios.
import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import { observeAnthropic } from "@sightline/anthropic";
import { observeGoogleGenAI } from "@sightline/google-genai";
import { observeOpenAI } from "@sightline/openai";
import OpenAI from "openai";

const sse = (events) =>
  events.map(({ event, data }) => `${event ? `event: ${event}\n` : ""}data: ${JSON.stringify(data)}\n\n`);

export const PROVIDERS = [
  {
    name: "openai",
    createClient: ({ baseURL, timeoutMs }) =>
      new OpenAI({
        apiKey: "test-key",
        baseURL: `${baseURL}/v1`,
        maxRetries: 0,
        timeout: timeoutMs ?? 10_000,
      }),
    // The mock stands in for api.openai.com: on loopback it would be reported as openai_compatible.
    wrap: (client, options) => observeOpenAI(client, { providerName: "openai", ...options }),
    async call(client, { stream, signal, onChunk }) {
      const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] };
      if (!stream) return client.chat.completions.create(body, { signal });
      const chunks = [];
      for await (const chunk of await client.chat.completions.create({ ...body, stream: true }, { signal })) {
        chunks.push(chunk);
        onChunk?.(chunks.length);
      }
      return chunks;
    },
    validBody: {
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1700000000,
      model: "gpt-4o-mini-2024-07-18",
      system_fingerprint: "fp_1",
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: "Hello",
            tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"a":1}' } }],
          },
          finish_reason: "stop",
        },
      ],
      usage: {
        prompt_tokens: 3,
        completion_tokens: 2,
        total_tokens: 5,
        prompt_tokens_details: { cached_tokens: 1 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    },
    validStream: [
      {
        id: "c",
        object: "chat.completion.chunk",
        created: 1,
        model: "gpt-4o-mini",
        choices: [{ index: 0, delta: { role: "assistant", content: "He" }, finish_reason: null }],
      },
      {
        id: "c",
        object: "chat.completion.chunk",
        created: 1,
        model: "gpt-4o-mini",
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, id: "t", function: { name: "f", arguments: "{}" } }] },
            finish_reason: null,
          },
        ],
      },
      {
        id: "c",
        object: "chat.completion.chunk",
        created: 1,
        model: "gpt-4o-mini",
        choices: [{ index: 0, delta: {}, finish_reason: "stop" }],
        usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
      },
    ],
    toFrames: (events) => [...sse(events.map((data) => ({ data }))), "data: [DONE]\n\n"],
  },
  {
    name: "anthropic",
    createClient: ({ baseURL, timeoutMs }) =>
      new Anthropic({ apiKey: "test-key", baseURL, maxRetries: 0, timeout: timeoutMs ?? 10_000 }),
    wrap: (client, options) => observeAnthropic(client, options),
    async call(client, { stream, signal, onChunk }) {
      const body = {
        model: "claude-reliability-test",
        max_tokens: 64,
        messages: [{ role: "user", content: "hi" }],
      };
      if (!stream) return client.messages.create(body, { signal });
      const events = [];
      for await (const event of await client.messages.create({ ...body, stream: true }, { signal })) {
        events.push(event);
        onChunk?.(events.length);
      }
      return events;
    },
    validBody: {
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-5-20250929",
      content: [
        { type: "text", text: "Hello" },
        { type: "tool_use", id: "tu_1", name: "f", input: { a: 1 } },
      ],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: {
        input_tokens: 3,
        output_tokens: 2,
        cache_read_input_tokens: 1,
        cache_creation_input_tokens: 0,
      },
    },
    validStream: [
      {
        type: "message_start",
        message: {
          id: "msg_1",
          type: "message",
          role: "assistant",
          model: "claude-sonnet-4-5",
          content: [],
          stop_reason: null,
          usage: { input_tokens: 3, output_tokens: 1 },
        },
      },
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hello" } },
      { type: "content_block_stop", index: 0 },
      {
        type: "message_delta",
        delta: { stop_reason: "end_turn", stop_sequence: null },
        usage: { output_tokens: 2 },
      },
      { type: "message_stop" },
    ],
    toFrames: (events) =>
      sse(events.map((data) => ({ event: typeof data?.type === "string" ? data.type : "message", data }))),
  },
  {
    name: "google-genai",
    createClient: ({ baseURL, timeoutMs }) =>
      // A timeout only when a fault asks for one: @google/genai keeps each request's timeout timer (and the
      // async context it was made in) alive until it fires, even after the stream has ended.
      new GoogleGenAI({
        apiKey: "test-key",
        httpOptions: { baseUrl: baseURL, ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }) },
      }),
    wrap: (client, options) => observeGoogleGenAI(client, options),
    async call(client, { stream, signal, onChunk }) {
      const request = {
        model: "gemini-2.5-flash",
        contents: "hi",
        config: signal ? { abortSignal: signal } : undefined,
      };
      if (!stream) return client.models.generateContent(request);
      const chunks = [];
      for await (const chunk of await client.models.generateContentStream(request)) {
        chunks.push(chunk);
        onChunk?.(chunks.length);
      }
      return chunks;
    },
    validBody: {
      candidates: [
        {
          content: {
            role: "model",
            parts: [{ text: "Hello" }, { functionCall: { name: "f", args: { a: 1 } } }],
          },
          finishReason: "STOP",
          index: 0,
        },
      ],
      usageMetadata: {
        promptTokenCount: 3,
        candidatesTokenCount: 2,
        totalTokenCount: 5,
        cachedContentTokenCount: 1,
        thoughtsTokenCount: 0,
      },
      modelVersion: "gemini-2.5-flash",
      responseId: "r1",
    },
    validStream: [
      {
        candidates: [{ content: { role: "model", parts: [{ text: "He" }] }, index: 0 }],
        modelVersion: "gemini-2.5-flash",
      },
      {
        candidates: [
          { content: { role: "model", parts: [{ text: "llo" }] }, finishReason: "STOP", index: 0 },
        ],
        usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2, totalTokenCount: 5 },
        modelVersion: "gemini-2.5-flash",
      },
    ],
    toFrames: (events) => sse(events.map((data) => ({ data }))),
  },
];

/** What a call came to, comparable between the raw and the wrapped client. */
export async function settleCall(promise) {
  try {
    const value = await promise;
    return {
      ok: true,
      chunks: Array.isArray(value) ? value.length : undefined,
      value: JSON.stringify(value, (key, field) =>
        // The HTTP response's headers carry a Date that can differ between two calls.
        typeof field === "function" || key === "sdkHttpResponse" ? undefined : field,
      ),
    };
  } catch (error) {
    return {
      ok: false,
      errorClass: error?.constructor?.name,
      message: String(error?.message ?? error),
      status: error?.status,
    };
  }
}

/**
 * Whether two settled calls look the same to the app. With `exact`, successful values must be equal
 * (both calls got the same bytes); otherwise the same number of chunks is enough, since the mock
 * numbers its responses.
 */
export function sameOutcome(left, right, { exact = false } = {}) {
  if (left.ok !== right.ok) return false;
  if (left.ok) return exact ? left.value === right.value : left.chunks === right.chunks;
  return (
    left.errorClass === right.errorClass && left.message === right.message && left.status === right.status
  );
}
