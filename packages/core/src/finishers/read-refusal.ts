import type { DetectRefusal, FinishedOperation } from "./types.js";

/**
 * Whether a finished answer was a refusal, for the drift refusal rate: `true` when the provider's own fields
 * reported one (`response.refusal`, mapped by each provider, no content needed) or, with content capture on,
 * when the output holds a refusal part or the text heuristic says so; `false` when the provider reported how
 * the answer ended (a finish reason) and nothing said refusal; `undefined` when neither source knows.
 */
export function readRefusal(
  operation: FinishedOperation,
  options: { detectRefusal?: DetectRefusal; captureContent: boolean },
): boolean | undefined {
  const response = operation.response;
  if (response?.refusal) return true;
  // A provider that reports refusals in its fields would have set `refusal` on an answer it finished.
  const reported = response?.finishReasons?.length ? false : undefined;
  return readRefusalInContent(operation, options) ?? reported;
}

function readRefusalInContent(
  operation: FinishedOperation,
  options: { detectRefusal?: DetectRefusal; captureContent: boolean },
): boolean | undefined {
  if (!options.captureContent || !options.detectRefusal || !operation.response?.outputMessages)
    return undefined;
  const messages = operation.response.outputMessages();
  if (messages.some((message) => message.parts.some((part) => part.type === "refusal"))) return true;
  const text = messages
    .flatMap((message) => message.parts)
    .map((part) => (part.type === "text" && typeof part.content === "string" ? part.content : ""))
    .join(" ");
  return text ? options.detectRefusal(text) : undefined;
}
