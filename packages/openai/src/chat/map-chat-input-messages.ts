import { asArray, asFields, asString, type InputMessage, parseArguments } from "@sightline/core";
import { mapContentParts } from "../map-content-parts.js";

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
    for (const toolCall of asArray(fields.tool_calls)) {
      const call = asFields(toolCall);
      const fn = asFields(call.function);
      parts.push({
        type: "tool_call",
        id: asString(call.id),
        name: asString(fn.name) ?? "",
        arguments: parseArguments(fn.arguments),
      });
    }
    const name = asString(fields.name);
    return name ? { role, parts, name } : { role, parts };
  });
}
