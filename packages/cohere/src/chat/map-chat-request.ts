import { asArray, asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import { GEN_AI_OPERATION_CHAT } from "@sightline/core/semconv";
import { readField } from "../read-field.js";
import { mapCohereMessages, mapCohereToolDefinitions } from "./map-cohere-messages.js";

/**
 * Maps the request of `chat` / `chatStream` (v2): operation `chat`, model, the semconv request
 * parameters (`k` is top-k, `p` top-p), and content, read only when capture is on.
 */
export function mapChatRequest(params: unknown, stream = false): GenAIRequest {
  const body = asFields(params);
  const format = asString(asFields(readField(body, "responseFormat", "response_format")).type);
  return {
    operation: GEN_AI_OPERATION_CHAT,
    model: asString(body.model),
    stream,
    parameters: {
      maxTokens: asNumber(readField(body, "maxTokens", "max_tokens")),
      temperature: asNumber(body.temperature),
      topP: asNumber(body.p),
      topK: asNumber(body.k),
      frequencyPenalty: asNumber(readField(body, "frequencyPenalty", "frequency_penalty")),
      presencePenalty: asNumber(readField(body, "presencePenalty", "presence_penalty")),
      seed: asNumber(body.seed),
      stopSequences: asArray(readField(body, "stopSequences", "stop_sequences")).filter(
        (item): item is string => typeof item === "string",
      ),
      outputType: format === "json_object" ? "json" : format === "text" ? "text" : undefined,
    },
    content: () => ({
      ...mapCohereMessages(body.messages),
      toolDefinitions: mapCohereToolDefinitions(body.tools),
    }),
  };
}
