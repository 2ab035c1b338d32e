/**
 * Maps a Mistral finish reason (`stop`, `length`, `model_length`, `error`, `tool_calls`) to the semconv
 * values: `model_length` (the model's context was full) is `length`, `tool_calls` is `tool_call`. An
 * unknown value passes through; a missing one is `error`.
 */
export function mapMistralFinishReason(reason: string | undefined): string {
  switch (reason) {
    case undefined:
      return "error";
    case "model_length":
      return "length";
    case "tool_calls":
      return "tool_call";
    default:
      return reason;
  }
}
