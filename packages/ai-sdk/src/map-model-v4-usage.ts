import type { GenAIUsage } from "@sightline/core/provider";
import { mapAISDKUsage } from "./map-ai-sdk-usage.js";

/** The usage a provider model (`LanguageModelV4`) reports, as far as Sightline reads it. */
export interface ModelV4Usage {
  inputTokens?: { total?: number; cacheRead?: number; cacheWrite?: number };
  outputTokens?: { total?: number; reasoning?: number };
}

/** Maps a provider model's usage (totals include cached input and reasoning output) to semconv terms. */
export function mapModelV4Usage(usage: ModelV4Usage | undefined): GenAIUsage | undefined {
  if (!usage) return undefined;
  return mapAISDKUsage({
    inputTokens: usage.inputTokens?.total,
    outputTokens: usage.outputTokens?.total,
    inputTokenDetails: {
      cacheReadTokens: usage.inputTokens?.cacheRead,
      cacheWriteTokens: usage.inputTokens?.cacheWrite,
    },
    outputTokenDetails: { reasoningTokens: usage.outputTokens?.reasoning },
  });
}
