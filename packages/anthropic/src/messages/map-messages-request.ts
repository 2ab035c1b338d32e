import { asArray, asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import { GEN_AI_OPERATION_CHAT } from "@sightline/core/semconv";
import { mapAnthropicToolDefinitions } from "./map-anthropic-tool-definitions.js";
import { mapMessagesInput, mapMessagesSystem } from "./map-messages-input.js";

/** Maps `messages.create` params (and `beta.messages.create`, same shape) to core's request shape. */
export function mapMessagesRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const outputFormat = asFields(asFields(body.output_config).format ?? body.output_format);
  return {
    operation: GEN_AI_OPERATION_CHAT,
    model: asString(body.model),
    stream: body.stream === true,
    parameters: {
      maxTokens: asNumber(body.max_tokens),
      temperature: asNumber(body.temperature),
      topP: asNumber(body.top_p),
      topK: asNumber(body.top_k),
      stopSequences: asArray(body.stop_sequences).filter((item): item is string => typeof item === "string"),
      outputType: outputFormat.type === "json_schema" ? "json" : undefined,
    },
    content: () => ({
      systemInstructions: mapMessagesSystem(body.system),
      inputMessages: mapMessagesInput(body.messages),
      toolDefinitions: mapAnthropicToolDefinitions(body.tools),
    }),
  };
}
