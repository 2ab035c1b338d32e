/**
 * The refusal an Anthropic answer reports: `stop_reason: "refusal"`, set when the model (or its streaming safety
 * classifier) declined; everything else is an ordinary ending. Needs no content capture.
 */
export function readAnthropicRefusal(stopReason: string | undefined): string | undefined {
  return stopReason === "refusal" ? "refusal" : undefined;
}
