/** Options for {@link startMockLLMServer}. */
export interface MockLLMServerOptions {
  /** TCP port to listen on, on 127.0.0.1. Default `0` (an ephemeral port). */
  port?: number;
  /**
   * A model that quietly changes behaviour: after `afterCalls` requests, every default reply uses
   * `script` (e.g. a new `model` or `systemFingerprint`, longer `text`, a slower `firstChunkDelayMs`,
   * refusals). Scripts enqueued by a test still win. Default: none.
   */
  behaviourChange?: { afterCalls: number; script: MockScript };
  /**
   * Scripts the answer from the request itself (its model, its messages), e.g. a candidate model that answers
   * some prompts worse; safe under concurrency, unlike a queue. Returning `undefined` falls back to the
   * queue, the behaviour change or the default reply. Enqueued scripts still win. Default: none.
   */
  respond?: (request: RecordedRequest) => MockScript | undefined;
}

/** One HTTP request the mock server received. */
export interface RecordedRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Request path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Query parameters (the last value of a repeated one), e.g. Azure's `{ "api-version": "2024-10-21" }`. */
  query?: Record<string, string>;
  /** Request headers, lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw string when it is not JSON (`""` when empty). */
  body: unknown;
}

/** One scripted tool call the mock answers with. */
export interface MockToolCall {
  /** Call id. Default: a deterministic `call_mock_<n>`. */
  id?: string;
  /** Function name. */
  name: string;
  /** Function arguments as a JSON string, passed through as is. */
  arguments: string;
}

/** Token counts the mock reports. Each default is described on {@link MockScript.usage}. */
export interface MockUsage {
  /** Input (prompt) tokens. */
  inputTokens?: number;
  /** Output (completion) tokens. */
  outputTokens?: number;
  /**
   * Cached input tokens, part of the input tokens (OpenAI, Gemini `cachedContentTokenCount`); for
   * Anthropic, `cache_read_input_tokens`, which its `input_tokens` excludes. Default `0`.
   */
  cachedInputTokens?: number;
  /** Reasoning tokens, part of the output tokens (Gemini: `thoughtsTokenCount`, outside its candidates count). Default `0`. */
  reasoningTokens?: number;
  /** Anthropic only: `cache_creation_input_tokens` (like cache reads, not part of Anthropic's `input_tokens`). Default `0`. */
  cacheCreationInputTokens?: number;
  /** Gemini only: `toolUsePromptTokenCount`. Default: absent. */
  toolUsePromptTokens?: number;
}

/** How the mock answers one request. Every field is optional; `{}` is the default reply. */
export interface MockScript {
  /**
   * Assistant text. Default `"Hello from the Sightline mock."`; `null` content when `toolCalls` are given
   * without text; a schema-shaped JSON document when the request asks for a `json_schema` format.
   */
  text?: string;
  /** Tool calls: chat `tool_calls`, Responses `function_call` output items. */
  toolCalls?: MockToolCall[];
  /** Provider-native finish reason. Default `"stop"`, or `"tool_calls"` when `toolCalls` are given. */
  finishReason?: string;
  /** Response model. Default: the request model plus `-2026-01-01` when it has no date suffix. */
  model?: string;
  /** Chat `system_fingerprint`. Default `"fp_mock"`. */
  systemFingerprint?: string;
  /** Token counts. Default: input and answer lengths in characters / 4, at least 1; cached and reasoning 0. */
  usage?: MockUsage;
  /** Number of content chunks when streaming; the text (and each tool call's arguments) is split across them. Default `5`. */
  chunks?: number;
  /** Fault: answer with this HTTP status and the provider's error body (429 adds `retry-after: 0`). */
  status?: number;
  /** Fault: the error body sent with `status`, instead of the provider's default. */
  errorBody?: unknown;
  /** Fault: wait this many milliseconds before sending the response headers. Default `0`. */
  delayMs?: number;
  /** Streaming: wait this many milliseconds before the first SSE frame. Default `0`. */
  firstChunkDelayMs?: number;
  /** Streaming: wait this many milliseconds between SSE frames. Default `0`. */
  chunkDelayMs?: number;
  /** Fault: destroy the socket after this many SSE data frames, without the end of the stream. */
  cutAfterChunks?: number;
  /** Fault: the SSE data payload at this 0-based index is invalid JSON. */
  malformedChunkAt?: number;
  /** Fault: at this 0-based SSE data index the provider's mid-stream error event is sent instead, then the stream ends. */
  errorChunkAt?: number;
  /** Never send usage, not even when the request asks for it. Default `false`. */
  omitUsage?: boolean;
  /** Anthropic `thinking` block / Gemini `thought: true` part sent before the answer text. Default: none. */
  thinking?: string;
  /** Responses only: built-in tool calls (`web_search_call`, …) reported before the message. Default: none. */
  builtinToolCalls?: ("web_search" | "file_search" | "code_interpreter")[];
  /** OpenAI audio only: seconds the uploaded audio lasts (transcription usage and `duration`). Default `8.5`. */
  audioSeconds?: number;
  /**
   * OpenAI chat and Responses only: the model declines through the `refusal` field. Chat sends it as the
   * message's `refusal` (streamed as `delta.refusal` pieces) with `content: null`; Responses as a `refusal`
   * content part of the message (streamed as `response.refusal.delta` events). Default: none.
   */
  refusal?: string;
  /** Gemini only: block the prompt (`promptFeedback.blockReason`, e.g. `"SAFETY"`) and send no candidates. */
  blockReason?: string;
  /**
   * Provider-native fields set at the top level of a JSON response (and of every chat stream chunk), e.g.
   * `{ service_tier: "flex" }`. Applied to OpenAI chat, Responses and images, Anthropic messages, Gemini
   * generateContent and Bedrock Converse and InvokeModel bodies; streamed, to every chat chunk and Anthropic's `message_start`
   * message. Default: none.
   */
  responseFields?: Record<string, unknown>;
  /**
   * Provider-native fields added to the usage object (`usage`, Gemini `usageMetadata`) of the same bodies, e.g.
   * `{ cache_creation: { ephemeral_1h_input_tokens: 1000 } }` or Gemini's `promptTokensDetails`. Default: none.
   */
  usageFields?: Record<string, unknown>;
}

/** A running mock LLM server. */
export interface MockLLMServer {
  /** Base URL, `http://127.0.0.1:<port>`. */
  url: string;
  /** `${url}/v1`: pass as `baseURL` to `new OpenAI({ apiKey: "test", baseURL, maxRetries: 0 })`. */
  openaiBaseURL: string;
  /** Every request received, newest last; only the last 1000 are kept. */
  requests: RecordedRequest[];
  /** Queues scripts, first in first out; each request takes the next one, or the default reply when empty. */
  enqueue(...scripts: MockScript[]): void;
  /** Clears the script queue and the recorded requests. */
  reset(): void;
  /** Stops listening and destroys open sockets. */
  close(): Promise<void>;
}
