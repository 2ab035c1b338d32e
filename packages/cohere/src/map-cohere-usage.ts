import type { Attributes } from "@opentelemetry/api";
import { asNumber, type GenAIUsage } from "@sightline/core/provider";
import {
  ATTR_SIGHTLINE_COHERE_USAGE_TOKENS_INPUT,
  ATTR_SIGHTLINE_COHERE_USAGE_TOKENS_OUTPUT,
} from "@sightline/core/semconv";
import { readField } from "./read-field.js";

/**
 * Maps a v2 chat `usage`. The semconv counts are the billed units (`billed_units.input_tokens` /
 * `output_tokens`, what Cohere charges and what the cost is computed on), falling back to `tokens`
 * when no billed units are reported; `tokens` (which also counts the prompt template Cohere adds)
 * goes under `sightline.cohere.usage.tokens.*`. `cached_tokens` is the cache read count.
 */
export function mapCohereUsage(usage: unknown): { usage?: GenAIUsage; attributes?: Attributes } {
  if (usage === undefined || usage === null) return {};
  const billed = readField(usage, "billedUnits", "billed_units");
  const tokens = readField(usage, "tokens", "tokens");
  const billedInput = asNumber(readField(billed, "inputTokens", "input_tokens"));
  const billedOutput = asNumber(readField(billed, "outputTokens", "output_tokens"));
  const tokensInput = asNumber(readField(tokens, "inputTokens", "input_tokens"));
  const tokensOutput = asNumber(readField(tokens, "outputTokens", "output_tokens"));
  const cached = asNumber(readField(usage, "cachedTokens", "cached_tokens"));
  const mapped: GenAIUsage = {
    inputTokens: billedInput ?? tokensInput,
    outputTokens: billedOutput ?? tokensOutput,
  };
  if (cached) mapped.cacheReadInputTokens = cached;
  const attributes: Attributes = {};
  if (tokensInput !== undefined) attributes[ATTR_SIGHTLINE_COHERE_USAGE_TOKENS_INPUT] = tokensInput;
  if (tokensOutput !== undefined) attributes[ATTR_SIGHTLINE_COHERE_USAGE_TOKENS_OUTPUT] = tokensOutput;
  const hasUsage = mapped.inputTokens !== undefined || mapped.outputTokens !== undefined;
  return { usage: hasUsage ? mapped : undefined, attributes };
}
