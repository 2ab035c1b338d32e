import type { Attributes } from "@opentelemetry/api";
import {
  ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  ATTR_SIGHTLINE_RESPONSE_REFUSAL,
} from "../semconv.js";
import type { GenAIResponse } from "./operation-shapes.js";

/** The span attributes a finished (or partly finished) response contributes. */
export function buildResponseAttributes(response: GenAIResponse): Attributes {
  const attributes: Attributes = {};
  if (typeof response.id === "string") attributes[ATTR_GEN_AI_RESPONSE_ID] = response.id;
  if (typeof response.model === "string") attributes[ATTR_GEN_AI_RESPONSE_MODEL] = response.model;
  const reasons = response.finishReasons?.filter((reason) => typeof reason === "string");
  if (reasons?.length) attributes[ATTR_GEN_AI_RESPONSE_FINISH_REASONS] = reasons;
  if (typeof response.refusal === "string" && response.refusal)
    attributes[ATTR_SIGHTLINE_RESPONSE_REFUSAL] = response.refusal;
  const usage = response.usage;
  if (usage) {
    setCount(attributes, ATTR_GEN_AI_USAGE_INPUT_TOKENS, usage.inputTokens);
    setCount(attributes, ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, usage.outputTokens);
    setCount(attributes, ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, usage.cacheReadInputTokens);
    setCount(attributes, ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS, usage.cacheCreationInputTokens);
    setCount(attributes, ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS, usage.reasoningOutputTokens);
  }
  setCount(attributes, ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT, response.embeddingDimensions);
  if (response.attributes) Object.assign(attributes, response.attributes);
  return attributes;
}

/** Token counts from a malformed response may be anything; only whole non-negative numbers pass. */
export function isTokenCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function setCount(attributes: Attributes, key: string, value: unknown): void {
  if (isTokenCount(value)) attributes[key] = value;
}
