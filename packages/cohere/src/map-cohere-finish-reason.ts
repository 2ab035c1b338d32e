/**
 * Maps a Cohere `finish_reason` to the semconv value: `COMPLETE` and `STOP_SEQUENCE` → `stop`,
 * `MAX_TOKENS` → `length`, `TOOL_CALL` → `tool_call`, `ERROR` (and the older `ERROR_TOXIC`,
 * `ERROR_LIMIT`, `USER_CANCEL`) → `error`; anything else, lower-cased.
 */
export function mapCohereFinishReason(reason: string | undefined): string | undefined {
  switch (reason) {
    case undefined:
      return undefined;
    case "COMPLETE":
    case "STOP_SEQUENCE":
      return "stop";
    case "MAX_TOKENS":
      return "length";
    case "TOOL_CALL":
      return "tool_call";
    case "ERROR":
    case "ERROR_TOXIC":
    case "ERROR_LIMIT":
    case "USER_CANCEL":
      return "error";
    default:
      return reason.toLowerCase();
  }
}
