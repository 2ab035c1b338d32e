import { asArray, asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import {
  ATTR_OPENAI_API_TYPE,
  ATTR_OPENAI_REQUEST_SERVICE_TIER,
  GEN_AI_OPERATION_CHAT,
} from "@sightline/core/semconv";
import { mapOutputType } from "../map-output-type.js";
import { mapChatInputMessages } from "./map-chat-input-messages.js";
import { mapChatToolDefinitions } from "./map-chat-tool-definitions.js";

/** Maps `chat.completions.create` params to core's request shape. */
export function mapChatRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const stop = body.stop;
  const serviceTier = asString(body.service_tier);
  return {
    operation: GEN_AI_OPERATION_CHAT,
    model: asString(body.model),
    stream: body.stream === true,
    parameters: {
      maxTokens: asNumber(body.max_completion_tokens) ?? asNumber(body.max_tokens),
      temperature: asNumber(body.temperature),
      topP: asNumber(body.top_p),
      frequencyPenalty: asNumber(body.frequency_penalty),
      presencePenalty: asNumber(body.presence_penalty),
      seed: asNumber(body.seed),
      choiceCount: asNumber(body.n),
      stopSequences:
        typeof stop === "string" ? [stop] : asArray(stop).filter((item) => typeof item === "string"),
      outputType: mapOutputType(asString(asFields(body.response_format).type)),
    },
    attributes: {
      [ATTR_OPENAI_API_TYPE]: "chat_completions",
      ...(serviceTier && serviceTier !== "auto" ? { [ATTR_OPENAI_REQUEST_SERVICE_TIER]: serviceTier } : {}),
    },
    content: () => ({
      inputMessages: mapChatInputMessages(body.messages),
      toolDefinitions: mapChatToolDefinitions(body.tools),
    }),
  };
}
