import { asFields, asNumber, type GenAIUsage } from "@sightline/core/provider";

/**
 * Maps Gemini `usageMetadata` to semconv terms. `promptTokenCount` already includes cached
 * tokens; tool-use prompt tokens are billed as input but counted apart, so they are added to
 * input. Thoughts are billed as output but not inside `candidatesTokenCount`, so they are added
 * to output (and reported as reasoning tokens).
 */
export function mapGeminiUsage(usageMetadata: unknown): GenAIUsage | undefined {
  if (typeof usageMetadata !== "object" || usageMetadata === null) return undefined;
  const fields = asFields(usageMetadata);
  const prompt = asNumber(fields.promptTokenCount);
  const toolUsePrompt = asNumber(fields.toolUsePromptTokenCount);
  const candidates = asNumber(fields.candidatesTokenCount);
  const thoughts = asNumber(fields.thoughtsTokenCount);
  return {
    inputTokens: sum(prompt, toolUsePrompt),
    outputTokens: sum(candidates, thoughts),
    cacheReadInputTokens: asNumber(fields.cachedContentTokenCount),
    reasoningOutputTokens: thoughts,
  };
}

function sum(first: number | undefined, second: number | undefined): number | undefined {
  return first === undefined && second === undefined ? undefined : (first ?? 0) + (second ?? 0);
}
