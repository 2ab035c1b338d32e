import { asFields, asString, type GenAIResponse, type MessagePart } from "@sightline/core/provider";
import { ATTR_SIGHTLINE_COHERE_RESPONSE_FINISH_REASON } from "@sightline/core/semconv";
import { mapCohereFinishReason } from "../map-cohere-finish-reason.js";
import { mapCohereUsage } from "../map-cohere-usage.js";
import { readCohereRefusal } from "../read-cohere-refusal.js";
import { readField } from "../read-field.js";
import { mapCohereContent, mapCohereToolCalls } from "./map-cohere-messages.js";

/**
 * Maps a v2 `ChatResponse`: id, the finish reason (semconv value; the raw one as
 * `sightline.cohere.response.finish_reason`), usage and the output message. The response names no model, so
 * the requested one stands for it.
 */
export function mapChatResponse(response: unknown): GenAIResponse {
  const body = asFields(response);
  const raw = asString(readField(body, "finishReason", "finish_reason"));
  const finishReason = mapCohereFinishReason(raw);
  const { usage, attributes } = mapCohereUsage(body.usage);
  return {
    id: asString(body.id),
    finishReasons: finishReason === undefined ? undefined : [finishReason],
    refusal: readCohereRefusal(raw),
    usage,
    attributes: {
      ...attributes,
      ...(raw === undefined ? {} : { [ATTR_SIGHTLINE_COHERE_RESPONSE_FINISH_REASON]: raw }),
    },
    outputMessages: () => {
      const message = asFields(body.message);
      const parts: MessagePart[] = [];
      const plan = asString(readField(message, "toolPlan", "tool_plan"));
      if (plan) parts.push({ type: "reasoning", content: plan });
      parts.push(...mapCohereContent(message.content));
      parts.push(...mapCohereToolCalls(readField(message, "toolCalls", "tool_calls")));
      return [{ role: "assistant", parts, finish_reason: finishReason ?? "error" }];
    },
  };
}
