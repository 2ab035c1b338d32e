/**
 * Gemini candidate `finishReason`s that mean a safety, recitation or policy filter stopped the answer: semconv's
 * `content_filter` finish reason, and a refusal for the drift monitor.
 */
export const GEMINI_BLOCKING_FINISH_REASONS: ReadonlySet<string> = new Set([
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
  "IMAGE_RECITATION",
]);
