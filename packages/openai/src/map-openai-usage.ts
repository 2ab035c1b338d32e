import { asFields, asNumber, type GenAIUsage } from "@sightline/core/provider";

/**
 * Maps OpenAI usage (chat's `prompt_tokens`… or Responses' `input_tokens`…) to semconv terms.
 * OpenAI already counts cached tokens inside input and reasoning tokens inside output, which is
 * exactly the semconv definition, so nothing is added up. OpenAI-compatible hosts differ a little:
 * DeepSeek reports its cache as `prompt_cache_hit_tokens` / `prompt_cache_miss_tokens` (their sum is
 * `prompt_tokens`), some servers send only the parts or only `total_tokens`, and `null` detail objects.
 */
export function mapOpenAIUsage(usage: unknown): GenAIUsage | undefined {
  if (typeof usage !== "object" || usage === null) return undefined;
  const fields = asFields(usage);
  const inputDetails = asFields(fields.prompt_tokens_details ?? fields.input_tokens_details);
  const outputDetails = asFields(fields.completion_tokens_details ?? fields.output_tokens_details);
  const cacheHit = asNumber(fields.prompt_cache_hit_tokens);
  const cacheMiss = asNumber(fields.prompt_cache_miss_tokens);
  const cacheParts = cacheHit !== undefined && cacheMiss !== undefined ? cacheHit + cacheMiss : undefined;
  return {
    inputTokens: asNumber(fields.prompt_tokens) ?? asNumber(fields.input_tokens) ?? cacheParts,
    outputTokens: asNumber(fields.completion_tokens) ?? asNumber(fields.output_tokens),
    cacheReadInputTokens: asNumber(inputDetails.cached_tokens) ?? cacheHit,
    reasoningOutputTokens: asNumber(outputDetails.reasoning_tokens) ?? asNumber(fields.reasoning_tokens),
  };
}
