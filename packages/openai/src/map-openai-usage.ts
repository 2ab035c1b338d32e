import { asFields, asNumber, type GenAIUsage } from "@sightline/core/provider";

/**
 * Maps OpenAI usage (chat's `prompt_tokens`… or Responses' `input_tokens`…) to semconv terms.
 * OpenAI already counts cached tokens inside input and reasoning tokens inside output, which is
 * exactly the semconv definition, so nothing is added up.
 */
export function mapOpenAIUsage(usage: unknown): GenAIUsage | undefined {
  if (typeof usage !== "object" || usage === null) return undefined;
  const fields = asFields(usage);
  const inputDetails = asFields(fields.prompt_tokens_details ?? fields.input_tokens_details);
  const outputDetails = asFields(fields.completion_tokens_details ?? fields.output_tokens_details);
  return {
    inputTokens: asNumber(fields.prompt_tokens) ?? asNumber(fields.input_tokens),
    outputTokens: asNumber(fields.completion_tokens) ?? asNumber(fields.output_tokens),
    cacheReadInputTokens: asNumber(inputDetails.cached_tokens),
    reasoningOutputTokens: asNumber(outputDetails.reasoning_tokens),
  };
}
