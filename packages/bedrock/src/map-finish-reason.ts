const FINISH_REASONS: Record<string, string> = {
  end_turn: "stop",
  stop_sequence: "stop",
  stop: "stop",
  finish: "stop",
  complete: "stop",
  max_tokens: "length",
  length: "length",
  model_context_window_exceeded: "length",
  tool_use: "tool_call",
  tool_calls: "tool_call",
  guardrail_intervened: "content_filter",
  content_filtered: "content_filter",
  content_filter: "content_filter",
  error: "error",
};

/**
 * Maps a Bedrock stop reason (Converse's `end_turn`, `max_tokens`, `tool_use`, `guardrail_intervened`, …, or an
 * invoke family's `stop`, `FINISH`, `COMPLETE`, `LENGTH`, …) to the semconv value; unknown ones pass as they are.
 */
export function mapFinishReason(reason: unknown): string | undefined {
  if (typeof reason !== "string" || reason === "") return undefined;
  return FINISH_REASONS[reason.toLowerCase()] ?? reason;
}
