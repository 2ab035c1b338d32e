import {
  asArray,
  asFields,
  asNumber,
  asString,
  type Fields,
  type GenAIRequest,
  type InputMessage,
  type MessagePart,
} from "@sightline/core/provider";
import { GEN_AI_OPERATION_CHAT, GEN_AI_OPERATION_TEXT_COMPLETION } from "@sightline/core/semconv";
import { resolveBedrockModel } from "../resolve-bedrock-model.js";
import { decodeJsonBytes } from "./decode-json-bytes.js";

/**
 * Maps an `InvokeModelCommand` / `InvokeModelWithResponseStreamCommand` input: the body (bytes or a string, parsed
 * once and never changed) is read in the shape of its family: Anthropic messages, Amazon Nova and Titan, Meta
 * Llama, Mistral, Cohere and AI21. A body with `messages` (or Cohere's `message`) is `chat`, one with a `prompt` or
 * `inputText` is `text_completion`.
 */
export function mapInvokeRequest(input: unknown, stream: boolean): GenAIRequest {
  const fields = asFields(input);
  const model = asString(fields.modelId);
  const pricingModel = resolveBedrockModel(model);
  const body = asFields(decodeJsonBytes(fields.body));
  const nova = asFields(body.inferenceConfig);
  const titan = asFields(body.textGenerationConfig);
  const chat = body.messages !== undefined || body.message !== undefined;
  const stops =
    body.stop_sequences ?? body.stopSequences ?? body.stop ?? nova.stopSequences ?? titan.stopSequences;
  return {
    operation: chat ? GEN_AI_OPERATION_CHAT : GEN_AI_OPERATION_TEXT_COMPLETION,
    model,
    pricingModel: pricingModel !== model ? pricingModel : undefined,
    stream: stream || undefined,
    parameters: {
      maxTokens:
        asNumber(body.max_tokens) ??
        asNumber(body.max_gen_len) ??
        asNumber(nova.max_new_tokens) ??
        asNumber(titan.maxTokenCount),
      temperature: asNumber(body.temperature) ?? asNumber(nova.temperature) ?? asNumber(titan.temperature),
      topP: asNumber(body.top_p) ?? asNumber(body.p) ?? asNumber(nova.top_p) ?? asNumber(titan.topP),
      topK: asNumber(body.top_k) ?? asNumber(body.k) ?? asNumber(nova.top_k),
      stopSequences: (typeof stops === "string" ? [stops] : asArray(stops)).filter(
        (item): item is string => typeof item === "string",
      ),
    },
    content: () => ({
      systemInstructions: mapSystem(body.system),
      inputMessages: mapInputMessages(body),
    }),
  };
}

function mapSystem(system: unknown): MessagePart[] | undefined {
  if (typeof system === "string") return [{ type: "text", content: system }];
  const parts = mapParts(system);
  return parts.length > 0 ? parts : undefined;
}

function mapInputMessages(body: Fields): InputMessage[] {
  const prompt = asString(body.prompt) ?? asString(body.inputText) ?? asString(body.message);
  const messages: InputMessage[] = asArray(body.messages).map((item) => {
    const message = asFields(item);
    return { role: asString(message.role) ?? "user", parts: mapParts(message.content) };
  });
  if (prompt !== undefined) messages.push({ role: "user", parts: [{ type: "text", content: prompt }] });
  return messages;
}

/** Message content: a string, or blocks with `text` (Anthropic `{type: "text", text}`, Nova `{text}`). */
function mapParts(content: unknown): MessagePart[] {
  if (typeof content === "string") return [{ type: "text", content }];
  const parts: MessagePart[] = [];
  for (const item of asArray(content)) {
    const block = asFields(item);
    const text = asString(block.text);
    if (text !== undefined) parts.push({ type: "text", content: text });
    else if (asString(block.type) === "tool_use" || block.toolUse !== undefined) {
      const tool = asFields(block.toolUse ?? block);
      parts.push({
        type: "tool_call",
        id: asString(tool.id) ?? asString(tool.toolUseId) ?? null,
        name: asString(tool.name) ?? "",
        arguments: tool.input,
      });
    } else if (asString(block.type) === "tool_result" || block.toolResult !== undefined) {
      const result = asFields(block.toolResult ?? block);
      parts.push({
        type: "tool_call_response",
        id: asString(result.tool_use_id) ?? asString(result.toolUseId) ?? null,
        response: result.content,
      });
    }
  }
  return parts;
}
