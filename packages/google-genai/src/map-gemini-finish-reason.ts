const CONTENT_FILTER_REASONS = new Set([
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
]);

/**
 * Maps a Gemini candidate `finishReason` to the normalized enum semconv uses inside output
 * messages. Gemini ends a function-calling turn with `STOP`, so a candidate that called a tool
 * reports `tool_call`.
 */
export function mapGeminiFinishReason(reason: string | undefined, calledTool: boolean): string {
  if (reason === undefined) return "error";
  if (reason === "STOP") return calledTool ? "tool_call" : "stop";
  if (reason === "MAX_TOKENS") return "length";
  if (CONTENT_FILTER_REASONS.has(reason)) return "content_filter";
  return reason.toLowerCase();
}
