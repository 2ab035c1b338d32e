import { asArray, asFields, asNumber, asString, type GenAIUsage } from "@sightline/core/provider";

/**
 * Maps Gemini `usageMetadata` to semconv terms. `promptTokenCount` already includes cached
 * tokens; tool-use prompt tokens are billed as input but counted apart, so they are added to
 * input. Thoughts are billed as output but not inside `candidatesTokenCount`, so they are added
 * to output (and reported as reasoning tokens). Audio and image tokens, priced apart on some
 * models, come from the per-modality lists: uncached audio (or image) input is the modality's
 * prompt tokens minus its cached tokens; audio and image output are the candidates' counts.
 */
export function mapGeminiUsage(usageMetadata: unknown): GenAIUsage | undefined {
  if (typeof usageMetadata !== "object" || usageMetadata === null) return undefined;
  const fields = asFields(usageMetadata);
  const prompt = asNumber(fields.promptTokenCount);
  const toolUsePrompt = asNumber(fields.toolUsePromptTokenCount);
  const candidates = asNumber(fields.candidatesTokenCount);
  const thoughts = asNumber(fields.thoughtsTokenCount);
  const usage: GenAIUsage = {
    inputTokens: sum(prompt, toolUsePrompt),
    outputTokens: sum(candidates, thoughts),
    cacheReadInputTokens: asNumber(fields.cachedContentTokenCount),
    reasoningOutputTokens: thoughts,
  };
  const promptByModality = countByModality(fields.promptTokensDetails);
  const cachedByModality = countByModality(fields.cacheTokensDetails);
  const outputByModality = countByModality(fields.candidatesTokensDetails);
  const audioInput = uncached(promptByModality.get("AUDIO"), cachedByModality.get("AUDIO"));
  const imageInput = uncached(promptByModality.get("IMAGE"), cachedByModality.get("IMAGE"));
  if (audioInput) usage.audioInputTokens = audioInput;
  if (imageInput) usage.imageInputTokens = imageInput;
  const audioOutput = outputByModality.get("AUDIO");
  const imageOutput = outputByModality.get("IMAGE");
  if (audioOutput) usage.audioOutputTokens = audioOutput;
  if (imageOutput) usage.imageOutputTokens = imageOutput;
  return usage;
}

/** Sums a `[{ modality, tokenCount }]` list per modality (upper case, as the API spells it). */
function countByModality(details: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of asArray(details)) {
    const fields = asFields(item);
    const modality = asString(fields.modality)?.toUpperCase();
    const count = asNumber(fields.tokenCount);
    if (modality && count !== undefined) counts.set(modality, (counts.get(modality) ?? 0) + count);
  }
  return counts;
}

function uncached(prompt: number | undefined, cached: number | undefined): number | undefined {
  return prompt === undefined ? undefined : Math.max(prompt - (cached ?? 0), 0);
}

function sum(first: number | undefined, second: number | undefined): number | undefined {
  return first === undefined && second === undefined ? undefined : (first ?? 0) + (second ?? 0);
}
