import { asFields, asNumber, type GenAIUsage } from "@sightline/core/provider";

/**
 * Maps OpenAI usage (chat's `prompt_tokens`… or Responses' `input_tokens`…) to semconv terms.
 * OpenAI already counts cached tokens inside input and reasoning tokens inside output, which is
 * exactly the semconv definition, so nothing is added up. OpenAI-compatible hosts differ a little:
 * DeepSeek reports its cache as `prompt_cache_hit_tokens` / `prompt_cache_miss_tokens` (their sum is
 * `prompt_tokens`), some servers send only the parts or only `total_tokens`, and `null` detail objects.
 * Audio and image tokens (priced apart) come from the detail objects: audio input uncached (audio tokens
 * minus cached audio tokens, when the cache is split by modality as on realtime), audio output, image input.
 */
export function mapOpenAIUsage(usage: unknown): GenAIUsage | undefined {
  if (typeof usage !== "object" || usage === null) return undefined;
  const fields = asFields(usage);
  // Realtime and transcription spell the detail objects `input_token_details` / `output_token_details`.
  const inputDetails = asFields(
    fields.prompt_tokens_details ?? fields.input_tokens_details ?? fields.input_token_details,
  );
  const outputDetails = asFields(
    fields.completion_tokens_details ?? fields.output_tokens_details ?? fields.output_token_details,
  );
  const cachedDetails = asFields(inputDetails.cached_tokens_details);
  const cacheHit = asNumber(fields.prompt_cache_hit_tokens);
  const cacheMiss = asNumber(fields.prompt_cache_miss_tokens);
  const cacheParts = cacheHit !== undefined && cacheMiss !== undefined ? cacheHit + cacheMiss : undefined;
  const mapped: GenAIUsage = {
    inputTokens: asNumber(fields.prompt_tokens) ?? asNumber(fields.input_tokens) ?? cacheParts,
    outputTokens: asNumber(fields.completion_tokens) ?? asNumber(fields.output_tokens),
    cacheReadInputTokens: asNumber(inputDetails.cached_tokens) ?? cacheHit,
    reasoningOutputTokens: asNumber(outputDetails.reasoning_tokens) ?? asNumber(fields.reasoning_tokens),
  };
  // Zero counts are left out, as most calls are text only and every field is priced and compared.
  const audioInput = uncached(inputDetails.audio_tokens, cachedDetails.audio_tokens);
  const imageInput = uncached(inputDetails.image_tokens, cachedDetails.image_tokens);
  const audioOutput = asNumber(outputDetails.audio_tokens);
  if (audioInput) mapped.audioInputTokens = audioInput;
  if (imageInput) mapped.imageInputTokens = imageInput;
  if (audioOutput) mapped.audioOutputTokens = audioOutput;
  return mapped;
}

function uncached(total: unknown, cached: unknown): number | undefined {
  const count = asNumber(total);
  return count === undefined ? undefined : Math.max(count - (asNumber(cached) ?? 0), 0);
}
