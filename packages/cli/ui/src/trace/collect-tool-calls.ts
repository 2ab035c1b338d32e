import type { StoredSpan } from "../../../src/web/dev-api-types.js";
import { parseContentMessages } from "../content/parse-content-messages.js";
import { formatValueAsText } from "../format/format-value-as-text.js";

/** A tool call seen on a span. */
export interface ToolCall {
  name: string;
  id: string | null;
  arguments: string;
  result: string | null;
  /** Where it was seen: the model asking for it, or a `gen_ai.tool.*` (execute_tool) span running it. */
  source: "output" | "tool-span";
}

/**
 * The tool calls of one span: `tool_call` parts of `gen_ai.output.messages` (the model asking), and the
 * span's own `gen_ai.tool.*` attributes when it is a tool execution span.
 */
export function collectToolCalls(span: StoredSpan): ToolCall[] {
  const calls: ToolCall[] = [];
  const output = span.attributes["gen_ai.output.messages"];
  if (output !== undefined) {
    const parsed = parseContentMessages(output);
    if (parsed.ok)
      for (const message of parsed.messages)
        for (const part of message.parts)
          if (part.type === "tool_call")
            calls.push({
              name: part.name,
              id: part.id,
              arguments: part.arguments,
              result: null,
              source: "output",
            });
  }
  const toolName = span.attributes["gen_ai.tool.name"];
  if (toolName !== undefined) {
    const callId = span.attributes["gen_ai.tool.call.id"];
    const args = span.attributes["gen_ai.tool.call.arguments"];
    const result = span.attributes["gen_ai.tool.call.result"];
    calls.push({
      name: String(toolName),
      id: callId === undefined ? null : String(callId),
      arguments: args === undefined ? "" : formatValueAsText(args),
      result: result === undefined ? null : formatValueAsText(result),
      source: "tool-span",
    });
  }
  return calls;
}
