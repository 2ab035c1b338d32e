import { asArray, asFields, asString, type InputMessage, parseArguments } from "@sightline/core/provider";
import { mapContentParts } from "../map-content-parts.js";

/** Maps Responses `input` (a string or a list of items) to semconv input messages. */
export function mapResponsesInput(input: unknown): InputMessage[] {
  if (typeof input === "string") return [{ role: "user", parts: [{ type: "text", content: input }] }];
  const messages: InputMessage[] = [];
  for (const item of asArray(input)) {
    const fields = asFields(item);
    const type = asString(fields.type) ?? "message";
    if (type === "function_call") {
      messages.push({
        role: "assistant",
        parts: [
          {
            type: "tool_call",
            id: asString(fields.call_id),
            name: asString(fields.name) ?? "",
            arguments: parseArguments(fields.arguments),
          },
        ],
      });
    } else if (type === "function_call_output") {
      messages.push({
        role: "tool",
        parts: [{ type: "tool_call_response", id: asString(fields.call_id), response: fields.output }],
      });
    } else if (type === "message") {
      messages.push({ role: asString(fields.role) ?? "user", parts: mapContentParts(fields.content) });
    } else {
      messages.push({ role: "user", parts: [{ type }] });
    }
  }
  return messages;
}
