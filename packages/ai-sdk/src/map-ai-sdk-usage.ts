import type { GenAIUsage } from "@sightline/core/provider";

/** The AI SDK's normalized usage (`LanguageModelUsage`), as far as Sightline reads it. */
export interface AISDKUsage {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  inputTokenDetails?: { cacheReadTokens?: number | undefined; cacheWriteTokens?: number | undefined };
  outputTokenDetails?: { reasoningTokens?: number | undefined };
}

/**
 * Maps the AI SDK's usage to semconv terms. The AI SDK already normalizes every provider to
 * "input includes cached tokens, output includes reasoning tokens", which is what semconv asks.
 */
export function mapAISDKUsage(usage: AISDKUsage | undefined): GenAIUsage | undefined {
  if (!usage) return undefined;
  return {
    inputTokens: count(usage.inputTokens),
    outputTokens: count(usage.outputTokens),
    cacheReadInputTokens: positive(usage.inputTokenDetails?.cacheReadTokens),
    cacheCreationInputTokens: positive(usage.inputTokenDetails?.cacheWriteTokens),
    reasoningOutputTokens: positive(usage.outputTokenDetails?.reasoningTokens),
  };
}

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Zero details are left out, like the provider wrappers do for absent ones. */
function positive(value: unknown): number | undefined {
  const result = count(value);
  return result === 0 ? undefined : result;
}
