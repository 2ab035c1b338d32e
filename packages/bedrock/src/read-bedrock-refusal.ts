/** Stop reasons (lower case) that mean a guardrail, a content filter or the model itself declined. */
const REFUSAL_STOP_REASONS = new Set([
  "guardrail_intervened",
  "content_filtered",
  "content_filter",
  "refusal",
  "error_toxic",
]);

/**
 * The refusal a Bedrock answer reports, as Bedrock spelled it: Converse `stopReason` `guardrail_intervened` or
 * `content_filtered`, or an invoke family's own (Anthropic `refusal`, Titan `CONTENT_FILTERED`, OpenAI-format
 * `content_filter`, Cohere `ERROR_TOXIC`). Needs no content capture.
 */
export function readBedrockRefusal(stopReason: unknown): string | undefined {
  if (typeof stopReason !== "string") return undefined;
  return REFUSAL_STOP_REASONS.has(stopReason.toLowerCase()) ? stopReason : undefined;
}
