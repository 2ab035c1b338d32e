import {
  type AccumulatorSettings,
  appendCapturedText,
  asFields,
  asNumber,
  asString,
  ChunkFlags,
  type GenAIResponse,
  type MessagePart,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapFinishReason } from "../map-finish-reason.js";
import { readBedrockRefusal } from "../read-bedrock-refusal.js";
import { mapConverseUsage } from "./map-converse-usage.js";

interface BlockState {
  text?: string;
  reasoning?: string;
  toolUse?: { id?: string; name: string; input: string };
}

/**
 * Folds `ConverseStream` events (`messageStart`, `contentBlockStart`, `contentBlockDelta`, `contentBlockStop`,
 * `messageStop`, `metadata`) into a response: the stop reason from `messageStop`, usage from `metadata`. Text,
 * reasoning and tool input are kept per block only when content is captured. `id` is the AWS request id.
 */
export function createConverseStreamAccumulator(
  settings: AccumulatorSettings,
  id: string | undefined,
): StreamAccumulator<unknown> {
  const { captureContent, maxContentLength } = settings;
  let stopReason: string | undefined;
  let usage: unknown;
  let serviceTier: string | undefined;
  let role = "assistant";
  const blocks: BlockState[] = [];
  const blockAt = (index: number): BlockState => {
    let block = blocks[index];
    if (!block) {
      block = {};
      blocks[index] = block;
    }
    return block;
  };

  return {
    add(chunk) {
      const event = asFields(chunk);
      if (event.messageStart !== undefined) {
        role = asString(asFields(event.messageStart).role) ?? role;
        return ChunkFlags.None;
      }
      if (event.contentBlockStart !== undefined) {
        const start = asFields(event.contentBlockStart);
        const toolUse = asFields(asFields(start.start).toolUse);
        if (captureContent && asString(toolUse.name) !== undefined) {
          blockAt(asNumber(start.contentBlockIndex) ?? 0).toolUse = {
            id: asString(toolUse.toolUseId),
            name: asString(toolUse.name) ?? "",
            input: "",
          };
        }
        return toolUse.name !== undefined ? ChunkFlags.Output : ChunkFlags.None;
      }
      if (event.contentBlockDelta !== undefined) {
        const delta = asFields(event.contentBlockDelta);
        const fields = asFields(delta.delta);
        if (captureContent)
          addDelta(blockAt(asNumber(delta.contentBlockIndex) ?? 0), fields, maxContentLength);
        const text = asString(fields.text);
        const hasOutput = (text !== undefined && text !== "") || fields.toolUse !== undefined;
        return hasOutput ? ChunkFlags.Output : ChunkFlags.None;
      }
      if (event.messageStop !== undefined) {
        stopReason = asString(asFields(event.messageStop).stopReason) ?? stopReason;
        return ChunkFlags.None;
      }
      if (event.metadata !== undefined) {
        const metadata = asFields(event.metadata);
        if (metadata.usage !== undefined) usage = metadata.usage;
        serviceTier = asString(asFields(metadata.serviceTier).type) ?? serviceTier;
      }
      return ChunkFlags.None;
    },
    finish(): GenAIResponse {
      const reason = mapFinishReason(stopReason);
      return {
        id,
        finishReasons: reason ? [reason] : undefined,
        refusal: readBedrockRefusal(stopReason),
        usage: mapConverseUsage(usage),
        serviceTier,
        outputMessages: () => [
          {
            role,
            parts: blocks.flatMap((block) => (block ? toParts(block) : [])),
            finish_reason: reason ?? "",
          },
        ],
      };
    },
  };
}

function addDelta(block: BlockState, delta: Record<string, unknown>, maxLength: number): void {
  const text = asString(delta.text);
  if (text !== undefined) block.text = appendCapturedText(block.text ?? "", text, maxLength);
  const reasoning = asString(asFields(delta.reasoningContent).text);
  if (reasoning !== undefined)
    block.reasoning = appendCapturedText(block.reasoning ?? "", reasoning, maxLength);
  const input = asString(asFields(delta.toolUse).input);
  if (input !== undefined && block.toolUse)
    block.toolUse.input = appendCapturedText(block.toolUse.input, input, maxLength);
}

function toParts(block: BlockState): MessagePart[] {
  const parts: MessagePart[] = [];
  if (block.reasoning !== undefined) parts.push({ type: "reasoning", content: block.reasoning });
  if (block.text !== undefined) parts.push({ type: "text", content: block.text });
  if (block.toolUse) {
    let args: unknown = block.toolUse.input;
    try {
      args = JSON.parse(block.toolUse.input);
    } catch {
      // Cut or partial input stays a string.
    }
    parts.push({
      type: "tool_call",
      id: block.toolUse.id ?? null,
      name: block.toolUse.name,
      arguments: args,
    });
  }
  return parts;
}
