import {
  asArray,
  asFields,
  asString,
  type GenAIResponse,
  type MessagePart,
  parseArguments,
} from "@sightline/core/provider";
import { ATTR_OPENAI_RESPONSE_SERVICE_TIER } from "@sightline/core/semconv";
import { mapOpenAIFinishReason } from "../map-openai-finish-reason.js";
import { mapOpenAIUsage } from "../map-openai-usage.js";
import { mapBuiltinToolCalls } from "./map-builtin-tool-calls.js";

/** Maps a Responses API `response` object to core's response shape. */
export function mapResponsesResponse(body: unknown): GenAIResponse {
  const fields = asFields(body);
  const output = asArray(fields.output).map(asFields);
  const finishReason = mapResponsesFinishReason(fields, output);
  const tier = asString(fields.service_tier);
  const builtin = mapBuiltinToolCalls(fields);
  return {
    id: asString(fields.id),
    model: asString(fields.model),
    finishReasons: finishReason ? [finishReason] : undefined,
    refusal: readResponsesRefusal(finishReason, output),
    usage: mapOpenAIUsage(fields.usage),
    serviceTier: tier,
    attributes: tier
      ? { [ATTR_OPENAI_RESPONSE_SERVICE_TIER]: tier, ...builtin.attributes }
      : builtin.attributes,
    billedUnits: builtin.billedUnits.length ? builtin.billedUnits : undefined,
    outputMessages: () => [
      {
        role: "assistant",
        parts: output.flatMap(mapOutputItem),
        finish_reason: mapOpenAIFinishReason(finishReason),
      },
    ],
  };
}

/**
 * The Responses API reports a status rather than a finish reason; this maps it to the chat
 * vocabulary so dashboards can group both APIs together.
 */
function mapResponsesFinishReason(
  fields: Record<string, unknown>,
  output: Record<string, unknown>[],
): string | undefined {
  const status = asString(fields.status);
  if (status === "completed")
    return output.some((item) => item.type === "function_call") ? "tool_calls" : "stop";
  if (status === "incomplete") {
    const reason = asString(asFields(fields.incomplete_details).reason);
    return reason === "max_output_tokens" ? "length" : (reason ?? "incomplete");
  }
  if (status === "failed") return "error";
  // `in_progress` / `queued` come from a stream's early events: the response has not finished yet.
  return status === "cancelled" ? status : undefined;
}

/** `content_filter` from `incomplete_details.reason`, `refusal` from a `refusal` content part of a message. */
function readResponsesRefusal(
  finishReason: string | undefined,
  output: Record<string, unknown>[],
): string | undefined {
  if (finishReason === "content_filter") return "content_filter";
  const refused = output.some(
    (item) =>
      item.type === "message" && asArray(item.content).some((part) => asFields(part).type === "refusal"),
  );
  return refused ? "refusal" : undefined;
}

function mapOutputItem(item: Record<string, unknown>): MessagePart[] {
  switch (item.type) {
    case "message":
      return asArray(item.content).flatMap((part): MessagePart[] => {
        const fields = asFields(part);
        if (fields.type === "output_text") return [{ type: "text", content: asString(fields.text) ?? "" }];
        if (fields.type === "refusal") return [{ type: "refusal", content: asString(fields.refusal) ?? "" }];
        return [];
      });
    case "function_call":
      return [
        {
          type: "tool_call",
          id: asString(item.call_id),
          name: asString(item.name) ?? "",
          arguments: parseArguments(item.arguments),
        },
      ];
    case "reasoning": {
      const summary = asArray(item.summary)
        .map((part) => asString(asFields(part).text) ?? "")
        .join("\n");
      return summary ? [{ type: "reasoning", content: summary }] : [];
    }
    default:
      return [{ type: asString(item.type) ?? "unknown" }];
  }
}
