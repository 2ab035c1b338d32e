import { asArray, asFields, asString, type MessagePart, parseArguments } from "@sightline/core/provider";

/** Maps chat `tool_calls` (in a request's assistant message or a response's choice) to semconv parts. */
export function mapChatToolCalls(toolCalls: unknown): MessagePart[] {
  return asArray(toolCalls).map((toolCall) => {
    const call = asFields(toolCall);
    const fn = asFields(call.function);
    return {
      type: "tool_call",
      id: asString(call.id),
      name: asString(fn.name) ?? "",
      arguments: parseArguments(fn.arguments),
    };
  });
}
