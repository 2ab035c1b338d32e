import { asArray, asFields, asString, type InputMessage } from "@sightline/core/provider";
import { mapContentParts } from "../map-content-parts.js";
import { mapChatToolCalls } from "./map-chat-tool-calls.js";

/** Maps chat `messages` to semconv input messages (captured content only). */
export function mapChatInputMessages(messages: unknown): InputMessage[] {
  return asArray(messages).map((message) => {
    const fields = asFields(message);
    const role = asString(fields.role) ?? "user";
    if (role === "tool") {
      return {
        role,
        parts: [{ type: "tool_call_response", id: asString(fields.tool_call_id), response: fields.content }],
      };
    }
    const parts = mapContentParts(fields.content);
    parts.push(...mapChatToolCalls(fields.tool_calls));
    const name = asString(fields.name);
    return name ? { role, parts, name } : { role, parts };
  });
}
