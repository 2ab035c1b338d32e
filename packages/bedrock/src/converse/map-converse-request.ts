import { asArray, asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import { GEN_AI_OPERATION_CHAT } from "@sightline/core/semconv";
import { resolveBedrockModel } from "../resolve-bedrock-model.js";
import { mapConverseMessages, mapConverseSystem, mapConverseTools } from "./map-converse-messages.js";

/** Maps a `ConverseCommand` / `ConverseStreamCommand` input to core's request shape. */
export function mapConverseRequest(input: unknown, stream: boolean): GenAIRequest {
  const body = asFields(input);
  const config = asFields(body.inferenceConfig);
  const model = asString(body.modelId);
  const pricingModel = resolveBedrockModel(model);
  const guardrail = asFields(body.guardrailConfig);
  const guardrailId = asString(guardrail.guardrailIdentifier);
  return {
    operation: GEN_AI_OPERATION_CHAT,
    model,
    pricingModel: pricingModel !== model ? pricingModel : undefined,
    stream: stream || undefined,
    parameters: {
      maxTokens: asNumber(config.maxTokens),
      temperature: asNumber(config.temperature),
      topP: asNumber(config.topP),
      stopSequences: asArray(config.stopSequences).filter((item): item is string => typeof item === "string"),
    },
    // Semconv's AWS registry attribute for the guardrail a call applies.
    attributes: guardrailId ? { "aws.bedrock.guardrail.id": guardrailId } : undefined,
    content: () => ({
      systemInstructions: mapConverseSystem(body.system),
      inputMessages: mapConverseMessages(body.messages),
      toolDefinitions: mapConverseTools(body.toolConfig),
    }),
  };
}
