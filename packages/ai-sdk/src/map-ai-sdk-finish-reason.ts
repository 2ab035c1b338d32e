/**
 * Maps the AI SDK's unified finish reason to the semconv names (`stop`, `length`,
 * `content_filter`, `tool_call`, `error`); `other` and unknown values pass through.
 */
export function mapAISDKFinishReason(reason: unknown): string {
  switch (reason) {
    case "tool-calls":
      return "tool_call";
    case "content-filter":
      return "content_filter";
    case undefined:
    case null:
      return "error";
    default:
      return String(reason);
  }
}
