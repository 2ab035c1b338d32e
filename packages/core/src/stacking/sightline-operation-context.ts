import { type Context, createContextKey } from "@opentelemetry/api";

/**
 * What a Sightline operation leaves in the context its call runs in, so every Sightline package
 * (and the span processor) can tell that this model call is already being recorded.
 */
export interface SightlineOperationMark {
  /** `gen_ai.operation.name` of the call being recorded. */
  readonly operation: string;
  /** The span id of the span that carries the call (Sightline's own, or a foreign one it attached to). */
  readonly spanId?: string;
  /**
   * Set by the span processor when another tool's GenAI span for this same call started under
   * Sightline's span and was kept out of export: the name of that tool's instrumentation scope.
   */
  foreignScope?: string;
}

const SIGHTLINE_OPERATION_KEY = createContextKey("sightline.genai.operation");

/**
 * Returns `context` marked as "a model call is being recorded here". Core sets it for every
 * operation it starts; an integration that records a model call its own way (e.g. the AI SDK
 * integration) sets it too, so a wrapped client called inside records nothing twice.
 * @example
 * context.with(markSightlineOperation(context.active(), { operation: "chat" }), () => model.doGenerate(options));
 */
export function markSightlineOperation(context: Context, mark: SightlineOperationMark): Context {
  return context.setValue(SIGHTLINE_OPERATION_KEY, mark);
}

/** The Sightline operation recording the call `context` belongs to, if any. */
export function getSightlineOperation(context: Context): SightlineOperationMark | undefined {
  const value = context.getValue(SIGHTLINE_OPERATION_KEY);
  return typeof value === "object" &&
    value !== null &&
    typeof (value as { operation?: unknown }).operation === "string"
    ? (value as SightlineOperationMark)
    : undefined;
}
