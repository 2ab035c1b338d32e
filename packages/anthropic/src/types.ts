import type { SightlineOptions } from "@sightline/core";
import type { NativeSpansMode } from "@sightline/core/provider";

/** Options of `observeAnthropic`. */
export interface ObserveAnthropicOptions extends SightlineOptions {
  /**
   * What to do about the spans `@anthropic-ai/sdk` 1.x emits by itself. `"off"` switches them off
   * for this client only (your other clients keep theirs), so each call has exactly one GenAI
   * span. `"nested"` keeps them as children of Sightline's span (usage then appears on two spans;
   * metrics still count it once). 0.x emits none, so this changes nothing there. Default: `"off"`.
   */
  nativeSpans?: NativeSpansMode;
}
