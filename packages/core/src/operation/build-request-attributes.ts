import type { Attributes } from "@opentelemetry/api";
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_TYPE,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_CHOICE_COUNT,
  ATTR_GEN_AI_REQUEST_ENCODING_FORMATS,
  ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY,
  ATTR_GEN_AI_REQUEST_SEED,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_K,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_GEN_AI_SYSTEM,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from "../semconv.js";
import type { GenAIRequest, GenAITarget } from "./operation-shapes.js";

/**
 * The attributes known before the call: all of them go into `startSpan` so samplers see the
 * sampling-relevant ones (operation, provider, model, server) and the span is built in one step.
 */
export function buildRequestAttributes(options: {
  request: GenAIRequest;
  target: GenAITarget;
  legacySystemAttribute: boolean;
}): Attributes {
  const { request, target } = options;
  const attributes: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: request.operation,
    [ATTR_GEN_AI_PROVIDER_NAME]: target.provider,
  };
  if (options.legacySystemAttribute) attributes[ATTR_GEN_AI_SYSTEM] = target.provider;
  if (request.model !== undefined) attributes[ATTR_GEN_AI_REQUEST_MODEL] = request.model;
  if (target.serverAddress !== undefined) attributes[ATTR_SERVER_ADDRESS] = target.serverAddress;
  if (target.serverPort !== undefined) attributes[ATTR_SERVER_PORT] = target.serverPort;
  if (request.stream) attributes[ATTR_GEN_AI_REQUEST_STREAM] = true;
  const parameters = request.parameters;
  if (parameters) {
    setNumber(attributes, ATTR_GEN_AI_REQUEST_MAX_TOKENS, parameters.maxTokens);
    setNumber(attributes, ATTR_GEN_AI_REQUEST_TEMPERATURE, parameters.temperature);
    setNumber(attributes, ATTR_GEN_AI_REQUEST_TOP_P, parameters.topP);
    setNumber(attributes, ATTR_GEN_AI_REQUEST_TOP_K, parameters.topK);
    setNumber(attributes, ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, parameters.frequencyPenalty);
    setNumber(attributes, ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, parameters.presencePenalty);
    setNumber(attributes, ATTR_GEN_AI_REQUEST_SEED, parameters.seed);
    if (parameters.choiceCount !== undefined && parameters.choiceCount !== 1) {
      setNumber(attributes, ATTR_GEN_AI_REQUEST_CHOICE_COUNT, parameters.choiceCount);
    }
    if (parameters.stopSequences?.length)
      attributes[ATTR_GEN_AI_REQUEST_STOP_SEQUENCES] = parameters.stopSequences;
    if (parameters.encodingFormats?.length) {
      attributes[ATTR_GEN_AI_REQUEST_ENCODING_FORMATS] = parameters.encodingFormats;
    }
    if (parameters.outputType !== undefined) attributes[ATTR_GEN_AI_OUTPUT_TYPE] = parameters.outputType;
  }
  if (request.attributes) Object.assign(attributes, request.attributes);
  return attributes;
}

function setNumber(attributes: Attributes, key: string, value: unknown): void {
  if (typeof value === "number" && Number.isFinite(value)) attributes[key] = value;
}
