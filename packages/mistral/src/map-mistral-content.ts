import {
  asArray,
  asFields,
  asString,
  type InputMessage,
  type MessagePart,
  parseArguments,
  type ToolDefinition,
} from "@sightline/core/provider";

/**
 * Maps Mistral message content (a string, or content chunks: `text`, `image_url`, `document_url`,
 * `thinking`, `reference`, …) to semconv parts. Unknown chunks keep their type.
 */
export function mapMistralContent(content: unknown): MessagePart[] {
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", content }];
  const parts: MessagePart[] = [];
  for (const raw of asArray(content)) {
    const chunk = asFields(raw);
    const type = asString(chunk.type);
    if (type === "text") parts.push({ type: "text", content: asString(chunk.text) ?? "" });
    else if (type === "thinking") {
      const text = mapMistralContent(chunk.thinking)
        .map((part) => (part.type === "text" ? (part as { content: string }).content : ""))
        .join("");
      parts.push({ type: "reasoning", content: text });
    } else if (type === "image_url") {
      const image = chunk.imageUrl ?? chunk.image_url;
      const uri = typeof image === "string" ? image : (asString(asFields(image).url) ?? "");
      parts.push({ type: "uri", modality: "image", uri });
    } else if (type === "document_url") {
      parts.push({
        type: "uri",
        modality: "document",
        uri: asString(chunk.documentUrl ?? chunk.document_url) ?? "",
      });
    } else if (type) parts.push({ type });
  }
  return parts;
}

/** The tool calls of an assistant message or delta (`toolCalls`; arguments a JSON string or an object). */
export function mapMistralToolCalls(toolCalls: unknown): MessagePart[] {
  return asArray(toolCalls).map((raw) => {
    const call = asFields(raw);
    const fn = asFields(call.function);
    const args = fn.arguments;
    return {
      type: "tool_call",
      id: asString(call.id) ?? null,
      name: asString(fn.name) ?? "",
      arguments: typeof args === "string" ? parseArguments(args) : args,
    };
  });
}

/** The request's system messages, as semconv system instructions. */
export function mapMistralSystemInstructions(messages: unknown): MessagePart[] | undefined {
  const parts = asArray(messages)
    .map(asFields)
    .filter((message) => message.role === "system")
    .flatMap((message) => mapMistralContent(message.content));
  return parts.length ? parts : undefined;
}

/** The request's messages other than system ones, as semconv input messages. */
export function mapMistralInputMessages(messages: unknown): InputMessage[] {
  return asArray(messages)
    .map(asFields)
    .filter((message) => message.role !== "system")
    .map((message): InputMessage => {
      const role = asString(message.role) ?? "user";
      if (role === "tool") {
        return {
          role: "tool",
          parts: [
            {
              type: "tool_call_response",
              id: asString(message.toolCallId ?? message.tool_call_id) ?? null,
              response:
                typeof message.content === "string" ? message.content : mapMistralContent(message.content),
            },
          ],
        };
      }
      return {
        role,
        parts: [
          ...mapMistralContent(message.content),
          ...mapMistralToolCalls(message.toolCalls ?? message.tool_calls),
        ],
        ...(typeof message.name === "string" ? { name: message.name } : {}),
      };
    });
}

/** The request's `tools` (`{ type: "function", function: { name, description, parameters } }`). */
export function mapMistralToolDefinitions(tools: unknown): ToolDefinition[] | undefined {
  const definitions = asArray(tools).map((raw): ToolDefinition => {
    const tool = asFields(raw);
    const fn = asFields(tool.function);
    return {
      type: asString(tool.type) ?? "function",
      name: asString(fn.name) ?? "",
      description: asString(fn.description) ?? null,
      parameters: fn.parameters,
    };
  });
  return definitions.length ? definitions : undefined;
}
