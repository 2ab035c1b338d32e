import { asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import {
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_OPENAI_API_TYPE,
  ATTR_OPENAI_REQUEST_SERVICE_TIER,
  GEN_AI_OPERATION_CHAT,
} from "@sightline/core/semconv";
import { mapOutputType } from "../map-output-type.js";
import { mapResponsesInput } from "./map-responses-input.js";
import { mapResponsesToolDefinitions } from "./map-responses-tool-definitions.js";

/** Maps `responses.create` params to core's request shape. */
export function mapResponsesRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const serviceTier = asString(body.service_tier);
  // The Responses API has real conversation objects; their id is the semconv conversation id.
  const conversationId = asString(body.conversation) ?? asString(asFields(body.conversation).id);
  const instructions = asString(body.instructions);
  return {
    operation: GEN_AI_OPERATION_CHAT,
    model: asString(body.model),
    stream: body.stream === true,
    parameters: {
      maxTokens: asNumber(body.max_output_tokens),
      temperature: asNumber(body.temperature),
      topP: asNumber(body.top_p),
      outputType: mapOutputType(asString(asFields(asFields(body.text).format).type)),
    },
    attributes: {
      [ATTR_OPENAI_API_TYPE]: "responses",
      ...(serviceTier && serviceTier !== "auto" ? { [ATTR_OPENAI_REQUEST_SERVICE_TIER]: serviceTier } : {}),
      ...(conversationId ? { [ATTR_GEN_AI_CONVERSATION_ID]: conversationId } : {}),
    },
    content: () => ({
      systemInstructions: instructions ? [{ type: "text", content: instructions }] : undefined,
      inputMessages: mapResponsesInput(body.input),
      toolDefinitions: mapResponsesToolDefinitions(body.tools),
    }),
  };
}
