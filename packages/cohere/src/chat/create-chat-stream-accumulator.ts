import {
  type AccumulatorSettings,
  appendCapturedText,
  asFields,
  asString,
  ChunkFlags,
  type GenAIResponse,
  type MessagePart,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { ATTR_SIGHTLINE_COHERE_RESPONSE_FINISH_REASON } from "@sightline/core/semconv";
import { mapCohereFinishReason } from "../map-cohere-finish-reason.js";
import { mapCohereUsage } from "../map-cohere-usage.js";
import { readCohereRefusal } from "../read-cohere-refusal.js";
import { readField } from "../read-field.js";

interface ToolCallState {
  id?: string;
  name: string;
  arguments: string;
}

/**
 * Folds the typed events of `chatStream` into a response: the id from `message-start`, the finish
 * reason and usage from `message-end`. `content-delta`, `tool-plan-delta` and the tool call events
 * carry output; text, tool plan and tool calls are kept only when content is captured.
 */
export function createChatStreamAccumulator(settings: AccumulatorSettings): StreamAccumulator<unknown> {
  const { captureContent, maxContentLength } = settings;
  let id: string | undefined;
  let rawFinishReason: string | undefined;
  let usage: unknown;
  let text = "";
  let thinking = "";
  let plan = "";
  const toolCalls: ToolCallState[] = [];

  return {
    add(event) {
      const fields = asFields(event);
      const message = asFields(asFields(fields.delta).message);
      switch (fields.type) {
        case "message-start":
          id ??= asString(fields.id);
          return ChunkFlags.None;
        case "content-delta": {
          const content = asFields(message.content);
          const piece = asString(content.text) ?? "";
          const thought = asString(content.thinking) ?? "";
          if (captureContent) {
            if (piece) text = appendCapturedText(text, piece, maxContentLength);
            if (thought) thinking = appendCapturedText(thinking, thought, maxContentLength);
          }
          return piece || thought ? ChunkFlags.Output : ChunkFlags.None;
        }
        case "tool-plan-delta": {
          const piece = asString(readField(message, "toolPlan", "tool_plan")) ?? "";
          if (captureContent && piece) plan = appendCapturedText(plan, piece, maxContentLength);
          return piece ? ChunkFlags.Output : ChunkFlags.None;
        }
        case "tool-call-start":
        case "tool-call-delta": {
          const call = asFields(readField(message, "toolCalls", "tool_calls"));
          const fn = asFields(call.function);
          if (captureContent) {
            if (fields.type === "tool-call-start" || toolCalls.length === 0)
              toolCalls.push({ id: asString(call.id), name: asString(fn.name) ?? "", arguments: "" });
            const last = toolCalls.at(-1) as ToolCallState;
            const piece = asString(fn.arguments);
            if (piece) last.arguments = appendCapturedText(last.arguments, piece, maxContentLength);
          }
          return ChunkFlags.Output;
        }
        case "message-end": {
          const delta = asFields(fields.delta);
          rawFinishReason = asString(readField(delta, "finishReason", "finish_reason")) ?? rawFinishReason;
          if (delta.usage) usage = delta.usage;
          return ChunkFlags.None;
        }
        default:
          return ChunkFlags.None;
      }
    },
    finish(): GenAIResponse {
      const finishReason = mapCohereFinishReason(rawFinishReason);
      const mapped = mapCohereUsage(usage);
      return {
        id,
        finishReasons: finishReason === undefined ? undefined : [finishReason],
        refusal: readCohereRefusal(rawFinishReason),
        usage: mapped.usage,
        attributes: {
          ...mapped.attributes,
          ...(rawFinishReason === undefined
            ? {}
            : { [ATTR_SIGHTLINE_COHERE_RESPONSE_FINISH_REASON]: rawFinishReason }),
        },
        outputMessages: () => {
          const parts: MessagePart[] = [];
          if (plan) parts.push({ type: "reasoning", content: plan });
          if (thinking) parts.push({ type: "reasoning", content: thinking });
          if (text) parts.push({ type: "text", content: text });
          for (const call of toolCalls)
            parts.push({ type: "tool_call", id: call.id, name: call.name, arguments: call.arguments });
          return [{ role: "assistant", parts, finish_reason: finishReason ?? "error" }];
        },
      };
    },
  };
}
