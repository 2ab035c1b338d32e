import { asFields, asString, type GenAIResponse } from "@sightline/core/provider";
import { mapAnthropicFinishReason } from "../map-anthropic-finish-reason.js";
import { mapAnthropicUsage } from "../map-anthropic-usage.js";
import { readAnthropicRefusal } from "../read-anthropic-refusal.js";
import { mapAnthropicContentBlocks } from "./map-anthropic-content-blocks.js";

/** Maps a `message` body to core's response shape (one output message: Anthropic has no `n`). */
export function mapMessagesResponse(body: unknown): GenAIResponse {
  const fields = asFields(body);
  const stopReason = asString(fields.stop_reason);
  const usage = asFields(fields.usage);
  return {
    id: asString(fields.id),
    model: asString(fields.model),
    finishReasons: stopReason ? [stopReason] : undefined,
    refusal: readAnthropicRefusal(stopReason),
    usage: mapAnthropicUsage(fields.usage),
    serviceTier: asString(usage.service_tier),
    outputMessages: () => [
      {
        role: asString(fields.role) ?? "assistant",
        parts: mapAnthropicContentBlocks(fields.content),
        finish_reason: mapAnthropicFinishReason(stopReason),
      },
    ],
  };
}
