import { asArray, asFields, asString, type MessagePart } from "@sightline/core/provider";

/**
 * Maps Anthropic content (a string or content blocks, in requests and responses alike) to semconv
 * parts: text, thinking → reasoning, tool_use → tool_call, tool_result → tool_call_response,
 * server tool blocks → server_tool_call(_response), images and documents → blob / uri / file.
 */
export function mapAnthropicContentBlocks(content: unknown): MessagePart[] {
  if (typeof content === "string") return [{ type: "text", content }];
  return asArray(content).map(mapBlock);
}

function mapBlock(block: unknown): MessagePart {
  const fields = asFields(block);
  const type = asString(fields.type) ?? "unknown";
  switch (type) {
    case "text":
      return { type: "text", content: asString(fields.text) ?? "" };
    case "thinking":
      return { type: "reasoning", content: asString(fields.thinking) ?? "" };
    case "redacted_thinking":
      return { type: "reasoning", content: "", redacted: true };
    case "tool_use":
      return {
        type: "tool_call",
        id: asString(fields.id),
        name: asString(fields.name) ?? "",
        arguments: fields.input,
      };
    case "tool_result":
      return {
        type: "tool_call_response",
        id: asString(fields.tool_use_id),
        response: mapToolResult(fields.content),
        ...(fields.is_error === true ? { is_error: true } : {}),
      };
    case "server_tool_use":
      return {
        type: "server_tool_call",
        id: asString(fields.id),
        name: asString(fields.name) ?? "",
        server_tool_call: { type: asString(fields.name) ?? "server_tool", input: fields.input },
      };
    case "image":
    case "document":
      return mapSource(type === "image" ? "image" : "document", asFields(fields.source));
    default:
      if (type.endsWith("_tool_result")) {
        return {
          type: "server_tool_call_response",
          id: asString(fields.tool_use_id),
          server_tool_call_response: { type, content: fields.content },
        };
      }
      return { type };
  }
}

/** A tool result's content: its text when it is all text, else its parts. */
function mapToolResult(content: unknown): unknown {
  if (typeof content === "string" || content === undefined) return content ?? "";
  const parts = mapAnthropicContentBlocks(content);
  if (parts.every((part) => part.type === "text")) {
    return parts.map((part) => (part as { content: string }).content).join("");
  }
  return parts;
}

function mapSource(modality: string, source: Record<string, unknown>): MessagePart {
  const mimeType = asString(source.media_type) ?? null;
  switch (source.type) {
    case "base64":
      return { type: "blob", modality, mime_type: mimeType, content: asString(source.data) ?? "" };
    case "url":
      return { type: "uri", modality, mime_type: mimeType, uri: asString(source.url) ?? "" };
    case "file":
      return { type: "file", modality, mime_type: mimeType, file_id: asString(source.file_id) ?? "" };
    case "text":
      return { type: "text", content: asString(source.data) ?? "" };
    default:
      return { type: modality };
  }
}
