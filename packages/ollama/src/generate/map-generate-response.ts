import { asFields, asString, type GenAIResponse } from "@sightline/core/provider";
import { mapOllamaStats, mapOutputFinishReason } from "../map-ollama-stats.js";

/** Maps a generate response (`{ model, response, done_reason, context, …counts and timings }`). */
export function mapGenerateResponse(response: unknown): GenAIResponse {
  const fields = asFields(response);
  const doneReason = asString(fields.done_reason);
  return {
    model: asString(fields.model),
    finishReasons: doneReason === undefined ? undefined : [doneReason],
    ...mapOllamaStats(fields),
    outputMessages: () => [
      {
        role: "assistant",
        parts: typeof fields.response === "string" ? [{ type: "text", content: fields.response }] : [],
        finish_reason: mapOutputFinishReason(doneReason, false),
      },
    ],
  };
}
