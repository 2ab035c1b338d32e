import {
  type AccumulatorSettings,
  appendCapturedText,
  asArray,
  asFields,
  asString,
  ChunkFlags,
  type GenAIResponse,
  type MessagePart,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapOllamaToolCalls } from "./chat/map-ollama-tool-calls.js";
import { mapOllamaStats, mapOutputFinishReason } from "./map-ollama-stats.js";

/**
 * Folds the NDJSON objects of one streamed `chat` or `generate` call into a response: the model from
 * any object, counts, timings and `done_reason` from the final `done: true` one. Text and tool calls
 * are kept only when content is captured.
 */
export function createOllamaStreamAccumulator(
  kind: "chat" | "generate",
  settings: AccumulatorSettings,
): StreamAccumulator<unknown> {
  let model: string | undefined;
  let final: Record<string, unknown> | undefined;
  let text = "";
  let thinking = "";
  const toolCalls: MessagePart[] = [];
  return {
    // Never hides a chunk, so the stream is observed from the side (no promise of its own per chunk).
    mayHideChunks: false,
    add(chunk) {
      const fields = asFields(chunk);
      model = asString(fields.model) ?? model;
      if (fields.done === true) final = fields;
      const message = asFields(fields.message);
      const piece = kind === "chat" ? message.content : fields.response;
      const thought = kind === "chat" ? message.thinking : fields.thinking;
      const calls = asArray(message.tool_calls);
      if (settings.captureContent) {
        if (typeof piece === "string") text = appendCapturedText(text, piece, settings.maxContentLength);
        if (typeof thought === "string") {
          thinking = appendCapturedText(thinking, thought, settings.maxContentLength);
        }
        toolCalls.push(...mapOllamaToolCalls(calls));
      }
      const hasOutput =
        (typeof piece === "string" && piece !== "") ||
        (typeof thought === "string" && thought !== "") ||
        calls.length > 0;
      return hasOutput ? ChunkFlags.Output : ChunkFlags.None;
    },
    finish(): GenAIResponse {
      const doneReason = asString(final?.done_reason);
      const stats = final ? mapOllamaStats(final) : {};
      return {
        model,
        finishReasons: doneReason === undefined ? undefined : [doneReason],
        ...stats,
        outputMessages: () => [
          {
            role: "assistant",
            parts: [
              ...(text !== "" ? [{ type: "text", content: text }] : []),
              ...(thinking !== "" ? [{ type: "reasoning", content: thinking }] : []),
              ...toolCalls,
            ],
            finish_reason: mapOutputFinishReason(doneReason, toolCalls.length > 0),
          },
        ],
      };
    },
  };
}
