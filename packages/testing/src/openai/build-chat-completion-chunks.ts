import { splitText } from "../split-text.js";
import {
  type BuildChatCompletionOptions,
  buildChatCompletionBase,
  buildChatUsage,
} from "./build-chat-completion.js";

/** Options for {@link buildChatCompletionChunks}. */
export interface BuildChatCompletionChunksOptions extends BuildChatCompletionOptions {
  /** Whether the request set `stream_options.include_usage`: adds the final usage chunk. */
  includeUsage: boolean;
}

/**
 * The `chat.completion.chunk` objects of a streaming answer: per choice a role chunk, the content pieces,
 * the tool call pieces and a finish chunk; then, only when usage was asked for, a `choices: []` usage chunk.
 */
export function buildChatCompletionChunks(
  options: BuildChatCompletionChunksOptions,
): Record<string, unknown>[] {
  const { answer, script, includeUsage } = options;
  const pieces = script.chunks ?? 5;
  const base = { ...buildChatCompletionBase(options), object: "chat.completion.chunk" };
  // The real API puts `usage: null` on every chunk once usage is requested.
  const withUsageField = includeUsage ? { usage: null } : {};
  const chunk = (index: number, delta: Record<string, unknown>, finishReason: string | null = null) => ({
    ...base,
    choices: [{ index, delta, logprobs: null, finish_reason: finishReason }],
    ...withUsageField,
  });
  const chunks: Record<string, unknown>[] = [];
  for (let index = 0; index < options.choices; index++) {
    chunks.push(
      chunk(index, { role: "assistant", content: answer.text === null ? null : "", refusal: null }),
    );
    for (const piece of splitText(answer.text ?? "", pieces)) chunks.push(chunk(index, { content: piece }));
    for (const piece of splitText(answer.refusal ?? "", pieces))
      chunks.push(chunk(index, { refusal: piece }));
    for (const [callIndex, call] of answer.toolCalls.entries()) {
      chunks.push(
        chunk(index, {
          tool_calls: [
            { index: callIndex, id: call.id, type: "function", function: { name: call.name, arguments: "" } },
          ],
        }),
      );
      for (const piece of splitText(call.arguments, pieces)) {
        chunks.push(chunk(index, { tool_calls: [{ index: callIndex, function: { arguments: piece } }] }));
      }
    }
    chunks.push(chunk(index, {}, answer.finishReason));
  }
  if (includeUsage && answer.usage)
    chunks.push({ ...base, choices: [], usage: buildChatUsage(answer.usage) });
  return chunks;
}
