import { isRecord } from "../is-record.js";
import type { MockScript } from "../types.js";
import { MOCK_CREATED_AT } from "./mock-created-at.js";
import type { OpenAIAnswer } from "./resolve-openai-answer.js";

/** Options for {@link buildChatCompletion} and the chunk builder. */
export interface BuildChatCompletionOptions {
  /** The settled answer. */
  answer: OpenAIAnswer;
  /** The script for this request. */
  script: MockScript;
  /** Per-server request counter, for deterministic ids. */
  sequence: number;
  /** Number of choices (the request's `n`). */
  choices: number;
}

/** The `chat.completion` object for a non-streaming request. */
export function buildChatCompletion(options: BuildChatCompletionOptions): Record<string, unknown> {
  const { answer } = options;
  const message: Record<string, unknown> = {
    role: "assistant",
    content: answer.text,
    refusal: answer.refusal,
    annotations: [],
  };
  if (answer.toolCalls.length > 0) {
    message.tool_calls = answer.toolCalls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  const completion: Record<string, unknown> = {
    ...buildChatCompletionBase(options),
    object: "chat.completion",
    choices: Array.from({ length: options.choices }, (_, index) => ({
      index,
      message,
      finish_reason: answer.finishReason,
      logprobs: null,
    })),
  };
  if (answer.usage) completion.usage = buildChatUsage(answer.usage);
  return completion;
}

/** The fields every chat completion object and chunk shares. */
export function buildChatCompletionBase(options: BuildChatCompletionOptions): Record<string, unknown> {
  return {
    id: `chatcmpl-mock${options.sequence}`,
    created: MOCK_CREATED_AT,
    model: options.answer.model,
    system_fingerprint: options.script.systemFingerprint ?? "fp_mock",
    service_tier: "default",
  };
}

/** The chat `usage` object. */
export function buildChatUsage(usage: NonNullable<OpenAIAnswer["usage"]>): Record<string, unknown> {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: usage.reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The JSON schema a chat request asks the answer to follow, or `undefined` for free text. */
export function getChatJsonSchema(body: unknown): unknown {
  const format = isRecord(body) ? body.response_format : undefined;
  if (!isRecord(format)) return undefined;
  if (format.type === "json_object") return { type: "object" };
  if (format.type !== "json_schema") return undefined;
  const schema = isRecord(format.json_schema) ? format.json_schema.schema : undefined;
  return schema ?? { type: "object" };
}
