import {
  asArray,
  asFields,
  asString,
  type InputMessage,
  type MessagePart,
  type ToolDefinition,
} from "@sightline/core/provider";

/** Converse content blocks to semconv parts: text, reasoning, tool use and tool results; media by format only. */
export function mapConverseContent(content: unknown): MessagePart[] {
  const parts: MessagePart[] = [];
  for (const item of asArray(content)) {
    const block = asFields(item);
    const text = asString(block.text);
    if (text !== undefined) {
      parts.push({ type: "text", content: text });
      continue;
    }
    const reasoning = asString(asFields(asFields(block.reasoningContent).reasoningText).text);
    if (reasoning !== undefined) {
      parts.push({ type: "reasoning", content: reasoning });
      continue;
    }
    if (block.toolUse !== undefined) {
      const toolUse = asFields(block.toolUse);
      parts.push({
        type: "tool_call",
        id: asString(toolUse.toolUseId) ?? null,
        name: asString(toolUse.name) ?? "",
        arguments: toolUse.input,
      });
      continue;
    }
    if (block.toolResult !== undefined) {
      const result = asFields(block.toolResult);
      parts.push({
        type: "tool_call_response",
        id: asString(result.toolUseId) ?? null,
        response: result.content,
      });
      continue;
    }
    for (const modality of ["image", "document", "video"] as const) {
      if (block[modality] !== undefined) {
        parts.push({ type: modality, format: asString(asFields(block[modality]).format) ?? null });
      }
    }
  }
  return parts;
}

/** Converse `messages` to semconv input messages. */
export function mapConverseMessages(messages: unknown): InputMessage[] {
  return asArray(messages).map((item) => {
    const message = asFields(item);
    return { role: asString(message.role) ?? "user", parts: mapConverseContent(message.content) };
  });
}

/** Converse `system` blocks to semconv parts (text only; cache points are skipped). */
export function mapConverseSystem(system: unknown): MessagePart[] | undefined {
  const parts = mapConverseContent(system);
  return parts.length > 0 ? parts : undefined;
}

/** Converse `toolConfig.tools[].toolSpec` to semconv tool definitions. */
export function mapConverseTools(toolConfig: unknown): ToolDefinition[] | undefined {
  const tools = asArray(asFields(toolConfig).tools)
    .map((item) => asFields(asFields(item).toolSpec))
    .filter((spec) => asString(spec.name) !== undefined)
    .map((spec) => ({
      type: "function",
      name: asString(spec.name) ?? "",
      description: asString(spec.description) ?? null,
      parameters: asFields(spec.inputSchema).json,
    }));
  return tools.length > 0 ? tools : undefined;
}
