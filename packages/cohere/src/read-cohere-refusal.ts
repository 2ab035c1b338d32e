/**
 * The refusal a Cohere answer reports: `finish_reason: "ERROR_TOXIC"` (the model's output was stopped by its
 * toxicity filter; the v1 API and some deployments still send it). Cohere's v2 API has no other refusal field.
 * Needs no content capture.
 */
export function readCohereRefusal(rawFinishReason: string | undefined): string | undefined {
  return rawFinishReason === "ERROR_TOXIC" ? rawFinishReason : undefined;
}
