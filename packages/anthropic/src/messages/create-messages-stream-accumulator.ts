import {
  appendCapturedText,
  asFields,
  asNumber,
  asString,
  ChunkFlags,
  type GenAIResponse,
  type MessagePart,
  parseArguments,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapAnthropicFinishReason } from "../map-anthropic-finish-reason.js";
import { mapAnthropicUsage } from "../map-anthropic-usage.js";
import { readAnthropicRefusal } from "../read-anthropic-refusal.js";
import { mapAnthropicContentBlocks } from "./map-anthropic-content-blocks.js";

interface BlockState {
  start: Record<string, unknown>;
  text: string;
  json: string;
}

/** Usage fields that are objects rather than counts: thinking tokens and the 5-minute / 1-hour cache-write split. */
const NESTED_USAGE_FIELDS = new Set(["output_tokens_details", "cache_creation"]);

/**
 * Folds the named Messages stream events into a response: `message_start` gives id, model and
 * input usage; `message_delta` the stop reason and the final usage (its fields win over the
 * start's: the API repeats cumulative counts there). Block text is joined only when content is
 * captured; text, thinking and tool-input deltas count as output chunks.
 */
export function createMessagesStreamAccumulator(options: {
  captureContent: boolean;
  /** Longest text kept per block when capturing (the content bound). */
  maxContentLength: number;
}): StreamAccumulator<unknown> {
  const { captureContent, maxContentLength } = options;
  let id: string | undefined;
  let model: string | undefined;
  let role = "assistant";
  let stopReason: string | undefined;
  let serviceTier: string | undefined;
  const usage: Record<string, unknown> = {};
  const blocks: BlockState[] = [];

  const mergeUsage = (value: unknown): void => {
    for (const [key, field] of Object.entries(asFields(value))) {
      if (asNumber(field) !== undefined || NESTED_USAGE_FIELDS.has(key)) usage[key] = field;
    }
    serviceTier = asString(asFields(value).service_tier) ?? serviceTier;
  };

  return {
    // Never hides a chunk, so the stream is observed from the side (no promise of its own per chunk).
    mayHideChunks: false,
    add(event) {
      const fields = asFields(event);
      switch (fields.type) {
        case "message_start": {
          const message = asFields(fields.message);
          id = asString(message.id);
          model = asString(message.model);
          role = asString(message.role) ?? role;
          mergeUsage(message.usage);
          return ChunkFlags.None;
        }
        case "content_block_start": {
          if (captureContent) {
            const index = asNumber(fields.index) ?? blocks.length;
            blocks[index] = { start: { ...asFields(fields.content_block) }, text: "", json: "" };
          }
          return ChunkFlags.None;
        }
        case "content_block_delta":
          return addDelta(fields);
        case "message_delta":
          stopReason = asString(asFields(fields.delta).stop_reason) ?? stopReason;
          mergeUsage(fields.usage);
          return ChunkFlags.None;
        default:
          return ChunkFlags.None;
      }
    },
    finish(): GenAIResponse {
      return {
        id,
        model,
        finishReasons: stopReason ? [stopReason] : undefined,
        refusal: readAnthropicRefusal(stopReason),
        usage: Object.keys(usage).length > 0 ? mapAnthropicUsage(usage) : undefined,
        serviceTier,
        outputMessages: () => [
          {
            role,
            parts: blocks.filter(Boolean).map(toPart),
            finish_reason: mapAnthropicFinishReason(stopReason),
          },
        ],
      };
    },
  };

  function addDelta(fields: Record<string, unknown>): number {
    const delta = asFields(fields.delta);
    const piece =
      asString(delta.text) ?? asString(delta.thinking) ?? asString(delta.partial_json) ?? undefined;
    if (piece === undefined) return ChunkFlags.None;
    if (captureContent) {
      const block = blocks[asNumber(fields.index) ?? -1];
      if (block) {
        if (delta.type === "input_json_delta")
          block.json = appendCapturedText(block.json, piece, maxContentLength);
        else block.text = appendCapturedText(block.text, piece, maxContentLength);
      }
    }
    return piece.length > 0 ? ChunkFlags.Output : ChunkFlags.None;
  }
}

function toPart(block: BlockState): MessagePart {
  const start = block.start;
  switch (start.type) {
    case "text":
      return { type: "text", content: block.text };
    case "thinking":
      return { type: "reasoning", content: block.text };
    case "tool_use":
    case "server_tool_use":
      return mapAnthropicContentBlocks([
        { ...start, input: block.json ? parseArguments(block.json) : start.input },
      ])[0] as MessagePart;
    default:
      return mapAnthropicContentBlocks([start])[0] as MessagePart;
  }
}
