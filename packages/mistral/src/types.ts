import type { SightlineOptions } from "@sightline/core";
import type { NativeSpansMode } from "@sightline/core/provider";

/** Options of `observeMistral`. */
export interface ObserveMistralOptions extends SightlineOptions {
  /**
   * What to do about the spans `@mistralai/mistralai` 2.x emits by itself once its tracing is on
   * (`registerTracerProvider`, or its telemetry configured). `"off"` switches them off for this client
   * only (your other clients keep theirs), so each call has exactly one GenAI span. `"nested"` keeps
   * them as INTERNAL children of Sightline's span (usage then appears on two spans; metrics still count
   * it once). Default: `"off"`.
   */
  nativeSpans?: NativeSpansMode;
}
