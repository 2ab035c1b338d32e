import {
  type InputMessage,
  type MessagePart,
  type OutputMessage,
  parseArguments,
  type RequestContent,
  type ToolDefinition,
} from "@sightline/core/provider";

type Fields = Record<string, unknown>;

/** What a model-call start event carries that becomes captured content. */
export interface AISDKPromptFields {
  instructions?: unknown;
  system?: unknown;
  messages?: unknown;
  tools?: unknown;
}

/**
 * Maps an AI SDK prompt (its `ModelMessage`s, instructions and prepared tools) to semconv content.
 * Called only with content capture on; binary data is named by its media type, never copied.
 */
export function mapAISDKRequestContent(fields: AISDKPromptFields): RequestContent {
  const systemInstructions = mapInstructions(fields.instructions ?? fields.system);
  const inputMessages = Array.isArray(fields.messages)
    ? fields.messages.filter(isFields).map(mapMessage)
    : undefined;
  const toolDefinitions = Array.isArray(fields.tools)
    ? fields.tools.filter(isFields).map(mapToolDefinition)
    : undefined;
  return { systemInstructions, inputMessages, toolDefinitions };
}

/** Maps the content parts a model call produced to one output message. */
export function mapAISDKOutputMessages(content: unknown, finishReason: string): OutputMessage[] {
  const parts = Array.isArray(content) ? content.filter(isFields).flatMap(mapPart) : [];
  return [{ role: "assistant", parts, finish_reason: finishReason }];
}

function mapInstructions(instructions: unknown): MessagePart[] | undefined {
  if (typeof instructions === "string")
    return instructions ? [{ type: "text", content: instructions }] : undefined;
  const list = Array.isArray(instructions) ? instructions : isFields(instructions) ? [instructions] : [];
  const parts = list.flatMap((item) => (isFields(item) ? mapContent(item.content) : []));
  return parts.length > 0 ? parts : undefined;
}

function mapMessage(message: Fields): InputMessage {
  return {
    role: typeof message.role === "string" ? message.role : "user",
    parts: mapContent(message.content),
  };
}

function mapContent(content: unknown): MessagePart[] {
  if (typeof content === "string") return [{ type: "text", content }];
  return Array.isArray(content) ? content.filter(isFields).flatMap(mapPart) : [];
}

function mapPart(part: Fields): MessagePart[] {
  switch (part.type) {
    case "text":
      return [{ type: "text", content: String(part.text ?? "") }];
    case "reasoning":
      return [{ type: "reasoning", content: String(part.text ?? "") }];
    case "tool-call":
      return [
        {
          type: "tool_call",
          id: asId(part.toolCallId),
          name: String(part.toolName ?? ""),
          arguments: parseArguments(part.input),
        },
      ];
    case "tool-result":
      return [{ type: "tool_call_response", id: asId(part.toolCallId), response: readToolOutput(part) }];
    case "image":
    case "file": {
      const mimeType = typeof part.mediaType === "string" ? part.mediaType : null;
      const data = part.type === "image" ? part.image : part.data;
      if (data instanceof URL || (typeof data === "string" && /^https?:\/\//.test(data))) {
        return [
          { type: "uri", modality: modalityOf(mimeType, part.type), mime_type: mimeType, uri: String(data) },
        ];
      }
      return [
        {
          type: "blob",
          modality: modalityOf(mimeType, part.type),
          mime_type: mimeType,
          content: "[binary data]",
        },
      ];
    }
    default:
      return [];
  }
}

/** Tool results are `{ type: "json" | "text" | …, value }` in messages and plain values in outputs. */
function readToolOutput(part: Fields): unknown {
  const output = part.output;
  if (isFields(output) && "value" in output && typeof output.type === "string") return output.value;
  return output;
}

function mapToolDefinition(tool: Fields): ToolDefinition {
  const definition: ToolDefinition = {
    type: typeof tool.type === "string" ? tool.type : "function",
    name: String(tool.name ?? tool.id ?? ""),
  };
  if (typeof tool.description === "string") definition.description = tool.description;
  if (tool.inputSchema !== undefined) definition.parameters = tool.inputSchema;
  return definition;
}

function modalityOf(mimeType: string | null, partType: unknown): string {
  const kind = mimeType?.split("/")[0];
  if (kind === "image" || kind === "audio" || kind === "video") return kind;
  return partType === "image" ? "image" : "document";
}

function asId(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null;
}
