import { asArray, asFields, asString, type GenAIResponse } from "@sightline/core/provider";
import { mapOllamaStats, mapOutputFinishReason } from "../map-ollama-stats.js";
import { mapOllamaToolCalls } from "./map-ollama-tool-calls.js";

/**
 * Maps a chat response (`{ model, message, done_reason, …counts and timings }`). Ollama gives no
 * response id.
 */
export function mapChatResponse(response: unknown): GenAIResponse {
  const fields = asFields(response);
  const message = asFields(fields.message);
  const doneReason = asString(fields.done_reason);
  const calledTool = asArray(message.tool_calls).length > 0;
  return {
    model: asString(fields.model),
    finishReasons: doneReason === undefined ? undefined : [doneReason],
    ...mapOllamaStats(fields),
    outputMessages: () => [
      {
        role: "assistant",
        parts: [
          ...(typeof message.content === "string" && message.content !== ""
            ? [{ type: "text", content: message.content }]
            : []),
          ...(typeof message.thinking === "string" && message.thinking !== ""
            ? [{ type: "reasoning", content: message.thinking }]
            : []),
          ...mapOllamaToolCalls(message.tool_calls),
        ],
        finish_reason: mapOutputFinishReason(doneReason, calledTool),
      },
    ],
  };
}
