/** Maps an Anthropic `stop_reason` to the normalized enum semconv uses inside output messages. */
export function mapAnthropicFinishReason(reason: string | undefined): string {
  switch (reason) {
    case "end_turn":
    case "stop_sequence":
      return "stop";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_call";
    case "refusal":
      return "content_filter";
    case undefined:
      return "error";
    default:
      return reason;
  }
}
