import { GEMINI_BLOCKING_FINISH_REASONS } from "./gemini-blocking-finish-reasons.js";

/**
 * Maps a Gemini candidate `finishReason` to the normalized enum semconv uses inside output
 * messages. Gemini ends a function-calling turn with `STOP`, so a candidate that called a tool
 * reports `tool_call`.
 */
export function mapGeminiFinishReason(reason: string | undefined, calledTool: boolean): string {
  if (reason === undefined) return "error";
  if (reason === "STOP") return calledTool ? "tool_call" : "stop";
  if (reason === "MAX_TOKENS") return "length";
  if (GEMINI_BLOCKING_FINISH_REASONS.has(reason)) return "content_filter";
  return reason.toLowerCase();
}
