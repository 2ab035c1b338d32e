import type { OpenAIAnswer } from "../openai/resolve-openai-answer.js";
import { splitText } from "../split-text.js";

/** Options for {@link buildMistralCompletion} and {@link buildMistralCompletionChunks}. */
export interface BuildMistralCompletionOptions {
  /** The settled answer (the OpenAI-format resolver's defaults apply: Mistral's chat wire format is close). */
  answer: OpenAIAnswer;
  /** Per-server request counter, for deterministic ids. */
  sequence: number;
  /** Content pieces when streaming. */
  chunks: number;
}

const CREATED_AT = 1_767_225_600;

/** Mistral's `usage`: `prompt_tokens_details.cached_tokens` only when some input was cached. */
export function buildMistralUsage(usage: NonNullable<OpenAIAnswer["usage"]>): Record<string, unknown> {
  const result: Record<string, unknown> = {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
  if (usage.cachedInputTokens > 0) result.prompt_tokens_details = { cached_tokens: usage.cachedInputTokens };
  return result;
}

function toolCalls(answer: OpenAIAnswer, withIndex: boolean): Record<string, unknown>[] {
  return answer.toolCalls.map((call, index) => ({
    id: call.id,
    type: "function",
    function: { name: call.name, arguments: call.arguments },
    ...(withIndex ? { index } : {}),
  }));
}

/** The `chat.completion` object of `POST /v1/chat/completions` and `/v1/fim/completions`. */
export function buildMistralCompletion(options: BuildMistralCompletionOptions): Record<string, unknown> {
  const { answer } = options;
  const message: Record<string, unknown> = {
    role: "assistant",
    content: answer.text ?? "",
    tool_calls: answer.toolCalls.length > 0 ? toolCalls(answer, false) : null,
    prefix: false,
  };
  return {
    id: `cmpl-mock${options.sequence}`,
    object: "chat.completion",
    created: CREATED_AT,
    model: answer.model,
    choices: [{ index: 0, message, finish_reason: answer.finishReason }],
    usage: buildMistralUsage(answer.usage ?? zeroUsage()),
  };
}

/**
 * The `chat.completion.chunk` objects of a streamed answer: a role chunk (empty content), the
 * content pieces, the tool calls (whole, in one chunk: Mistral does not split their arguments), and a
 * last chunk with an empty content delta, the finish reason and the usage (Mistral always sends it).
 */
export function buildMistralCompletionChunks(
  options: BuildMistralCompletionOptions,
): Record<string, unknown>[] {
  const { answer } = options;
  const base = {
    id: `cmpl-mock${options.sequence}`,
    object: "chat.completion.chunk",
    created: CREATED_AT,
    model: answer.model,
  };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null, usage?: unknown) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
    ...(usage ? { usage } : {}),
  });
  const chunks: Record<string, unknown>[] = [chunk({ role: "assistant", content: "" })];
  for (const piece of splitText(answer.text ?? "", options.chunks)) chunks.push(chunk({ content: piece }));
  if (answer.toolCalls.length > 0) chunks.push(chunk({ tool_calls: toolCalls(answer, true) }));
  chunks.push(
    chunk({ content: "" }, answer.finishReason, answer.usage ? buildMistralUsage(answer.usage) : undefined),
  );
  return chunks;
}

function zeroUsage(): NonNullable<OpenAIAnswer["usage"]> {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, reasoningTokens: 0 };
}
