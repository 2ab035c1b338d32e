import {
  asArray,
  asFields,
  asString,
  collectFinishReasons,
  type GenAIResponse,
  type OutputMessage,
} from "@sightline/core/provider";
import { openAIResponseAttributes } from "../chat/map-chat-response.js";
import { mapOpenAIFinishReason } from "../map-openai-finish-reason.js";
import { mapOpenAIUsage } from "../map-openai-usage.js";
import { hasAzureContentFilter, readOpenAIRefusal } from "../read-openai-refusal.js";

/** Maps a `text_completion` body to core's response shape: one finish reason and output message per choice. */
export function mapCompletionsResponse(body: unknown): GenAIResponse {
  const fields = asFields(body);
  const choices = asArray(fields.choices)
    .map(asFields)
    .sort((left, right) => Number(left.index ?? 0) - Number(right.index ?? 0));
  const finishReasons = collectFinishReasons(choices.map((choice) => asString(choice.finish_reason)));
  return {
    id: asString(fields.id),
    model: asString(fields.model),
    finishReasons,
    refusal: readOpenAIRefusal({ finishReasons, filtered: hasAzureContentFilter(fields) }),
    usage: mapOpenAIUsage(fields.usage),
    systemFingerprint: asString(fields.system_fingerprint),
    attributes: openAIResponseAttributes(fields),
    outputMessages: () =>
      choices.map(
        (choice): OutputMessage => ({
          role: "assistant",
          parts: [{ type: "text", content: asString(choice.text) ?? "" }],
          finish_reason: mapOpenAIFinishReason(asString(choice.finish_reason)),
        }),
      ),
  };
}
