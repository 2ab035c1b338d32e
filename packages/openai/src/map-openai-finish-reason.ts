/** Maps an OpenAI finish reason to the normalized enum semconv uses inside output messages. */
export function mapOpenAIFinishReason(reason: string | undefined): string {
  switch (reason) {
    case "tool_calls":
    case "function_call":
      return "tool_call";
    case undefined:
      return "error";
    default:
      return reason;
  }
}
