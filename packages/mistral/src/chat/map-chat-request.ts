import { asArray, asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import { ATTR_GEN_AI_AGENT_ID, GEN_AI_OPERATION_CHAT } from "@sightline/core/semconv";
import {
  mapMistralInputMessages,
  mapMistralSystemInstructions,
  mapMistralToolDefinitions,
} from "../map-mistral-content.js";

/** The stop sequences of a request (`stop`: a string or strings). */
export function readStopSequences(stop: unknown): string[] | undefined {
  if (typeof stop === "string") return [stop];
  const list = asArray(stop).filter((item): item is string => typeof item === "string");
  return list.length ? list : undefined;
}

/** `responseFormat.type` (`text`, `json_object`, `json_schema`) as `gen_ai.output.type`. */
function mapOutputType(format: unknown): string | undefined {
  const type = asString(asFields(format).type);
  if (type === "json_object" || type === "json_schema") return "json";
  return type === "text" ? "text" : undefined;
}

/** Maps `chat.complete` / `chat.stream` params (the SDK's camelCase request) to core's request shape. */
export function mapChatRequest(params: unknown, stream: boolean): GenAIRequest {
  const body = asFields(params);
  const agentId = asString(body.agentId ?? body.agent_id);
  return {
    operation: GEN_AI_OPERATION_CHAT,
    model: asString(body.model),
    stream,
    parameters: {
      maxTokens: asNumber(body.maxTokens ?? body.max_tokens),
      temperature: asNumber(body.temperature),
      topP: asNumber(body.topP ?? body.top_p),
      frequencyPenalty: asNumber(body.frequencyPenalty ?? body.frequency_penalty),
      presencePenalty: asNumber(body.presencePenalty ?? body.presence_penalty),
      seed: asNumber(body.randomSeed ?? body.random_seed),
      choiceCount: asNumber(body.n),
      stopSequences: readStopSequences(body.stop),
      outputType: mapOutputType(body.responseFormat ?? body.response_format),
    },
    // `agents.complete` / `agents.stream`: a chat turn with a Mistral agent, which names no model.
    attributes: agentId ? { [ATTR_GEN_AI_AGENT_ID]: agentId } : undefined,
    content: () => ({
      systemInstructions: mapMistralSystemInstructions(body.messages),
      inputMessages: mapMistralInputMessages(body.messages),
      toolDefinitions: mapMistralToolDefinitions(body.tools),
    }),
  };
}
