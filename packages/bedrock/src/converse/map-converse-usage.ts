import { asFields, asNumber, type GenAIUsage } from "@sightline/core/provider";

/**
 * Converse `usage`: `inputTokens` excludes cache reads and writes, so semconv's input count (which includes
 * cached input) is their sum; reads and writes are also reported apart.
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
