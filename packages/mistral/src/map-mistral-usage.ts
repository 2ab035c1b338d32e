import { asFields, asNumber, type GenAIUsage } from "@sightline/core/provider";

/**
 * Maps Mistral's `usage` (the SDK's `UsageInfo`, camelCase, with unknown wire fields kept as sent) to
 * semconv counts. Cached input, when the API reports it, is read from `prompt_tokens_details.cached_tokens`
 * (or the camelCase spelling, or `num_cached_tokens`); it is part of `prompt_tokens`, as semconv counts it.
 */
export function mapMistralUsage(raw: unknown): GenAIUsage | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const usage = asFields(raw);
  const inputTokens = asNumber(usage.promptTokens) ?? asNumber(usage.prompt_tokens);
  const outputTokens = asNumber(usage.completionTokens) ?? asNumber(usage.completion_tokens);
  const cached =
    asNumber(asFields(usage.prompt_tokens_details).cached_tokens) ??
    asNumber(asFields(usage.promptTokensDetails).cachedTokens) ??
    asNumber(usage.num_cached_tokens);
  if (inputTokens === undefined && outputTokens === undefined) return undefined;
  return {
    inputTokens,
    outputTokens,
    ...(cached ? { cacheReadInputTokens: cached } : {}),
  };
}
