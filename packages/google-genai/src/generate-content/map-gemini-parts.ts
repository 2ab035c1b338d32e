import { asArray, asFields, asString, type MessagePart } from "@sightline/core/provider";

/**
 * Maps Gemini parts to semconv parts: text (a `thought` part → reasoning), inline data → blob,
 * file data → uri, function calls and responses → tool_call / tool_call_response, code execution
 * → server tool parts. A bare string is a text part, as the SDK allows.
 */
export function mapGeminiParts(parts: unknown): MessagePart[] {
  return asArray(parts).map(mapGeminiPart);
}

/** Maps one Gemini part (or a bare string). */
export function mapGeminiPart(part: unknown): MessagePart {
  if (typeof part === "string") return { type: "text", content: part };
  const fields = asFields(part);
  if (typeof fields.text === "string") {
    return fields.thought === true
      ? { type: "reasoning", content: fields.text }
      : { type: "text", content: fields.text };
  }
  if (fields.inlineData) {
    const data = asFields(fields.inlineData);
    const mimeType = asString(data.mimeType);
    return {
      type: "blob",
      modality: modalityOf(mimeType),
      mime_type: mimeType ?? null,
      content: asString(data.data) ?? "",
    };
  }
  if (fields.fileData) {
    const data = asFields(fields.fileData);
    const mimeType = asString(data.mimeType);
    return {
      type: "uri",
      modality: modalityOf(mimeType),
      mime_type: mimeType ?? null,
      uri: asString(data.fileUri) ?? "",
    };
  }
  if (fields.functionCall) {
    const call = asFields(fields.functionCall);
    return {
      type: "tool_call",
      id: asString(call.id),
      name: asString(call.name) ?? "",
      arguments: call.args,
    };
  }
  if (fields.functionResponse) {
    const response = asFields(fields.functionResponse);
    return {
      type: "tool_call_response",
      id: asString(response.id) ?? asString(response.name),
      response: response.response,
    };
  }
  if (fields.executableCode) {
    return {
      type: "server_tool_call",
      name: "code_execution",
      server_tool_call: { type: "code_execution", ...asFields(fields.executableCode) },
    };
  }
  if (fields.codeExecutionResult) {
    return {
      type: "server_tool_call_response",
      server_tool_call_response: { type: "code_execution", ...asFields(fields.codeExecutionResult) },
    };
  }
  return { type: "unknown" };
}

function modalityOf(mimeType: string | undefined): string {
  const kind = mimeType?.split("/")[0];
  return kind === "image" || kind === "audio" || kind === "video" ? kind : "document";
}
