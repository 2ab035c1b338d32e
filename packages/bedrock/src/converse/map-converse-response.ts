import { asFields, asString, type GenAIResponse } from "@sightline/core/provider";
import { mapFinishReason } from "../map-finish-reason.js";
import { readBedrockRefusal } from "../read-bedrock-refusal.js";
import { mapConverseContent } from "./map-converse-messages.js";
import { mapConverseUsage } from "./map-converse-usage.js";

/**
 * Maps a Converse output: the response id is the AWS request id (`$metadata.requestId`, Converse has no id of
 * its own), no response model (the request's model answers), finish reason, usage, the service tier that
 * served it (`serviceTier.type`: `default`, `flex`, `priority`, `reserved`) and the output message.
 */
export function mapConverseResponse(output: unknown): GenAIResponse {
  const body = asFields(output);
  const reason = mapFinishReason(body.stopReason);
  const message = asFields(asFields(body.output).message);
  return {
    id: asString(asFields(body.$metadata).requestId),
    finishReasons: reason ? [reason] : undefined,
    refusal: readBedrockRefusal(body.stopReason),
    usage: mapConverseUsage(body.usage),
    serviceTier: asString(asFields(body.serviceTier).type),
    outputMessages: () => [
      {
        role: asString(message.role) ?? "assistant",
        parts: mapConverseContent(message.content),
        finish_reason: reason ?? "",
      },
    ],
  };
}
