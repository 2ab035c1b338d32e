import {
  asArray,
  asFields,
  asString,
  collectFinishReasons,
  type GenAIResponse,
  type OutputMessage,
} from "@sightline/core/provider";
import { mapMistralContent, mapMistralToolCalls } from "./map-mistral-content.js";
import { mapMistralFinishReason } from "./map-mistral-finish-reason.js";
import { mapMistralUsage } from "./map-mistral-usage.js";

/**
 * Maps a `ChatCompletionResponse` (what `chat.complete` and `fim.complete` return, in the SDK's
 * camelCase): id, answering model, finish reasons (semconv values), usage, and the output messages.
 */
export function mapCompletionResponse(response: unknown): GenAIResponse {
  const fields = asFields(response);
  const choices = asArray(fields.choices).map(asFields);
  return {
    id: asString(fields.id),
    model: asString(fields.model),
    finishReasons: collectFinishReasons(
      choices.map((choice) => {
        const reason = asString(choice.finishReason ?? choice.finish_reason);
        return reason === undefined ? undefined : mapMistralFinishReason(reason);
      }),
    ),
    usage: mapMistralUsage(fields.usage),
    outputMessages: () =>
      choices.map((choice): OutputMessage => {
        const message = asFields(choice.message);
        return {
          role: asString(message.role) ?? "assistant",
          parts: [
            ...mapMistralContent(message.content),
            ...mapMistralToolCalls(message.toolCalls ?? message.tool_calls),
          ],
          finish_reason: mapMistralFinishReason(asString(choice.finishReason ?? choice.finish_reason)),
        };
      }),
  };
}
