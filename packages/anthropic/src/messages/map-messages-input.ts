import { asArray, asFields, asString, type InputMessage, type MessagePart } from "@sightline/core/provider";
import { mapAnthropicContentBlocks } from "./map-anthropic-content-blocks.js";

/**
 * Maps Messages `messages` to semconv input messages. A user turn made only of tool results is
 * reported with role `tool`, as semconv readers expect tool responses, though Anthropic sends it
 * as `user`.
 */
export function mapMessagesInput(messages: unknown): InputMessage[] {
  return asArray(messages).map((message) => {
    const fields = asFields(message);
    const parts = mapAnthropicContentBlocks(fields.content);
    const onlyToolResults = parts.length > 0 && parts.every((part) => part.type === "tool_call_response");
    return { role: onlyToolResults ? "tool" : (asString(fields.role) ?? "user"), parts };
  });
}

/** Maps the top-level `system` (a string or text blocks) to semconv system instructions. */
export function mapMessagesSystem(system: unknown): MessagePart[] | undefined {
  if (system === undefined || system === null) return undefined;
  return mapAnthropicContentBlocks(system);
}
