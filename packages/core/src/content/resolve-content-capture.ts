import { readEnv } from "../config/read-env.js";

/** The variable other GenAI instrumentations read for the same switch. */
export const CAPTURE_CONTENT_ENV = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

/**
 * Decides whether message content goes on spans. An explicit option wins; otherwise the variable
 * is read, accepting both the boolean form (JS contrib) and the enum form (Python util-genai).
 */
export function resolveContentCapture(option: boolean | undefined): boolean {
  if (option !== undefined) return option;
  const value = readEnv(CAPTURE_CONTENT_ENV)?.trim().toLowerCase();
  return value === "true" || value === "1" || value === "span_only" || value === "span_and_event";
}
