import { asFields, asNumber, type GenAIUsage } from "@sightline/core/provider";

/**
 * Maps Anthropic usage to semconv terms. Anthropic's `input_tokens` excludes both cache counts, so
 * semconv input is their sum (input + cache read + cache creation); cache creation is read under
 * both spellings (`cache_creation_input_tokens`, and the newer `cache_write_input_tokens`), never
 * added twice. Thinking tokens are already inside `output_tokens`. The 1-hour part of the cache writes
 * (`cache_creation.ephemeral_1h_input_tokens`, beside the 5-minute part) is billed at its own rate.
 */
export function mapAnthropicUsage(usage: unknown): GenAIUsage | undefined {
  if (typeof usage !== "object" || usage === null) return undefined;
  const fields = asFields(usage);
  const uncached = asNumber(fields.input_tokens);
  const cacheRead = asNumber(fields.cache_read_input_tokens);
  const cacheCreation =
    asNumber(fields.cache_creation_input_tokens) ?? asNumber(fields.cache_write_input_tokens);
  const inputTokens =
    uncached === undefined && cacheRead === undefined && cacheCreation === undefined
      ? undefined
      : (uncached ?? 0) + (cacheRead ?? 0) + (cacheCreation ?? 0);
  return {
    inputTokens,
    outputTokens: asNumber(fields.output_tokens),
    cacheReadInputTokens: cacheRead,
    cacheCreationInputTokens: cacheCreation,
    cacheCreation1hInputTokens: asNumber(asFields(fields.cache_creation).ephemeral_1h_input_tokens),
    reasoningOutputTokens: asNumber(asFields(fields.output_tokens_details).thinking_tokens),
  };
}
