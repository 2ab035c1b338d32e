import {
  asArray,
  asFields,
  asString,
  type InputMessage,
  type MessagePart,
  type ToolDefinition,
} from "@sightline/core/provider";
import { readField } from "../read-field.js";

/** A message's `content`: a string, or an array of `text` / `thinking` / `image_url` / `document` items. */
export function mapCohereContent(content: unknown): MessagePart[] {
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", content }];
  const parts: MessagePart[] = [];
  for (const raw of asArray(content)) {
    const item = asFields(raw);
    if (item.type === "text" && typeof item.text === "string")
      parts.push({ type: "text", content: item.text });
    else if (item.type === "thinking" && typeof item.thinking === "string")
      parts.push({ type: "reasoning", content: item.thinking });
    else if (item.type === "image_url" || item.type === "imageUrl") {
      const url = asString(asFields(readField(item, "imageUrl", "image_url")).url);
      if (url) parts.push({ type: "uri", modality: "image", uri: url });
    } else if (item.type === "document") parts.push({ type: "document", document: item.document });
  }
  return parts;
}

/** Tool calls (`{ id, type: "function", function: { name, arguments } }`) as semconv parts. */
export function mapCohereToolCalls(toolCalls: unknown): MessagePart[] {
  return asArray(toolCalls).map((raw) => {
    const call = asFields(raw);
    const fn = asFields(call.function);
    return {
      type: "tool_call",
      id: asString(call.id),
      name: asString(fn.name) ?? "",
      arguments: fn.arguments,
    };
  });
}

/** The request's messages: `system` ones are the system instructions, the rest the input messages. */
export function mapCohereMessages(messages: unknown): {
  systemInstructions: MessagePart[];
  inputMessages: InputMessage[];
} {
  const systemInstructions: MessagePart[] = [];
  const inputMessages: InputMessage[] = [];
  for (const raw of asArray(messages)) {
    const message = asFields(raw);
    const role = asString(message.role) ?? "user";
    if (role === "system") {
      systemInstructions.push(...mapCohereContent(message.content));
      continue;
    }
    if (role === "tool") {
      const id = asString(readField(message, "toolCallId", "tool_call_id"));
      const response = typeof message.content === "string" ? message.content : message.content;
      inputMessages.push({ role: "tool", parts: [{ type: "tool_call_response", id, response }] });
      continue;
    }
    const parts = mapCohereContent(message.content);
    const plan = asString(readField(message, "toolPlan", "tool_plan"));
    if (plan) parts.unshift({ type: "reasoning", content: plan });
    parts.push(...mapCohereToolCalls(readField(message, "toolCalls", "tool_calls")));
    inputMessages.push({ role, parts });
  }
  return { systemInstructions, inputMessages };
}

/** `tools` (`{ type: "function", function: { name, description, parameters } }`) as tool definitions. */
export function mapCohereToolDefinitions(tools: unknown): ToolDefinition[] {
  return asArray(tools).map((raw) => {
    const tool = asFields(raw);
    const fn = asFields(tool.function);
    return {
      type: asString(tool.type) ?? "function",
      name: asString(fn.name) ?? "",
      description: asString(fn.description),
      parameters: fn.parameters,
    };
  });
}
