import { asFields, asString } from "@sightline/core/provider";
import { GEMINI_BLOCKING_FINISH_REASONS } from "./gemini-blocking-finish-reasons.js";

/**
 * The refusal a Gemini answer reports: the prompt's `promptFeedback.blockReason` (no candidates come back), else
 * the first candidate `finishReason` that is a safety or policy stop (`SAFETY`, `RECITATION`, `BLOCKLIST`,
 * `PROHIBITED_CONTENT`, `SPII`, image variants). Needs no content capture.
 */
export function readGeminiRefusal(input: {
  finishReasons?: readonly (string | undefined)[];
  promptFeedback: unknown;
}): string | undefined {
  const blockReason = asString(asFields(input.promptFeedback).blockReason);
  if (blockReason && blockReason !== "BLOCKED_REASON_UNSPECIFIED") return blockReason;
  return input.finishReasons?.find(
    (reason) => reason !== undefined && GEMINI_BLOCKING_FINISH_REASONS.has(reason),
  );
}
