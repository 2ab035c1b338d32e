import {
  asArray,
  asFields,
  asString,
  type GenAIRequest,
  type InputMessage,
  type MessagePart,
  type ToolDefinition,
} from "@sightline/core/provider";
import { GEN_AI_OPERATION_CHAT } from "@sightline/core/semconv";
import { mapOllamaOptions } from "../map-ollama-options.js";
import { mapOllamaToolCalls } from "./map-ollama-tool-calls.js";

/** Maps `ollama.chat(request)` to core's request: operation `chat`, model, `options`, content (lazy). */
export function mapChatRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  return {
    operation: GEN_AI_OPERATION_CHAT,
    model: asString(body.model),
    stream: body.stream === true,
    parameters: mapOllamaOptions(body),
    content: () => {
      const messages = asArray(body.messages).map(asFields);
      const system = messages.filter((message) => message.role === "system");
      return {
        systemInstructions: system.map((message) => textPart(message.content)),
        inputMessages: messages
          .filter((message) => message.role !== "system")
          .map((message): InputMessage => mapMessage(message)),
        toolDefinitions: asArray(body.tools).map(mapToolDefinition),
      };
    },
  };
}

function textPart(content: unknown): MessagePart {
  return { type: "text", content: typeof content === "string" ? content : "" };
}

function mapMessage(message: Record<string, unknown>): InputMessage {
  const role = asString(message.role) ?? "user";
  if (role === "tool") {
    return { role, parts: [{ type: "tool_call_response", id: null, response: message.content }] };
  }
  const parts: MessagePart[] = [];
  if (typeof message.content === "string" && message.content !== "") parts.push(textPart(message.content));
  const images = asArray(message.images);
  for (const _image of images) parts.push({ type: "blob", modality: "image", content: "[image]" });
  parts.push(...mapOllamaToolCalls(message.tool_calls));
  return { role, parts };
}

function mapToolDefinition(tool: unknown): ToolDefinition {
  const fields = asFields(tool);
  const fn = asFields(fields.function);
  return {
    type: asString(fields.type) ?? "function",
    name: asString(fn.name) ?? "",
    description: asString(fn.description),
    parameters: fn.parameters,
  };
}
