import { asArray, asFields, asString, type MessagePart } from "@sightline/core/provider";

/** Ollama's `tool_calls` (`{ function: { name, arguments } }`, arguments an object, no ids) as parts. */
export function mapOllamaToolCalls(toolCalls: unknown): MessagePart[] {
  return asArray(toolCalls).map((call) => {
    const fn = asFields(asFields(call).function);
    return { type: "tool_call", id: null, name: asString(fn.name) ?? "", arguments: fn.arguments };
  });
}
