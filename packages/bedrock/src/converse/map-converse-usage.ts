import { asFields, asNumber, type GenAIUsage } from "@sightline/core/provider";

/**
 * Converse `usage`: `inputTokens` excludes cache reads and writes, so semconv's input count (which includes
 * cached input) is their sum; reads and writes are also reported apart. Converse reports `cacheWriteInputTokens`
 * without the 5-minute / 1-hour split Anthropic's own usage has, so every write is priced at the 5-minute rate
 * (an under-estimate when a prompt asked for 1-hour caching; InvokeModel reports the split and is priced exactly).
 */
export function mapConverseUsage(value: unknown): GenAIUsage | undefined {
  if (value === undefined) return undefined;
  const usage = asFields(value);
  const input = asNumber(usage.inputTokens);
  const cacheRead = asNumber(usage.cacheReadInputTokens);
  const cacheWrite = asNumber(usage.cacheWriteInputTokens);
  return {
    inputTokens: input === undefined ? undefined : input + (cacheRead ?? 0) + (cacheWrite ?? 0),
    outputTokens: asNumber(usage.outputTokens),
    cacheReadInputTokens: cacheRead,
    cacheCreationInputTokens: cacheWrite,
  };
}
