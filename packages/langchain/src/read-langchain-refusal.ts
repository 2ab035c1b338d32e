/**
 * Finish reasons, as LangChain's chat models pass on their provider's, that mean a filter, a guardrail or the
 * model itself declined: OpenAI and Azure `content_filter`, Anthropic `refusal`, Gemini's safety and policy stops,
 * Bedrock `guardrail_intervened` / `content_filtered`, Cohere `ERROR_TOXIC`.
 */
const REFUSAL_FINISH_REASONS = new Set([
  "content_filter",
  "refusal",
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "guardrail_intervened",
  "content_filtered",
  "ERROR_TOXIC",
]);

/**
 * The refusal a LangChain model run reports from the provider's fields: the first refusal finish reason, else
 * `refusal` when a message carries `additional_kwargs.refusal` (ChatOpenAI on the Responses API). Needs no
 * content capture.
 */
export function readLangChainRefusal(input: {
  finishReasons: readonly string[];
  messages: readonly ({ additional_kwargs?: Record<string, unknown> } | undefined)[];
}): string | undefined {
  const reason = input.finishReasons.find((finishReason) => REFUSAL_FINISH_REASONS.has(finishReason));
  if (reason) return reason;
  const refused = input.messages.some((message) => {
    const refusal = message?.additional_kwargs?.refusal;
    return typeof refusal === "string" && refusal.length > 0;
  });
  return refused ? "refusal" : undefined;
}
