import { isSpanContextValid, type SpanContext, TraceFlags } from "@opentelemetry/api";
import type { OperationReference } from "./types.js";

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * Turns a span context, a `traceparent` header value or `{ traceId, spanId }` into a span
 * context; undefined when it is malformed or all-zero (W3C invalid), so the caller records the
 * signal unlinked instead of linking to nothing.
 */
export function resolveOperationReference(
  reference: OperationReference | undefined,
): SpanContext | undefined {
  if (reference === undefined) return undefined;
  if (typeof reference === "string") {
    const match = TRACEPARENT.exec(reference.trim().toLowerCase());
    if (!match || match[1] === "ff") return undefined;
    const spanContext: SpanContext = {
      traceId: match[2] as string,
      spanId: match[3] as string,
      traceFlags: Number.parseInt(match[4] as string, 16) & TraceFlags.SAMPLED,
      isRemote: true,
    };
    return isSpanContextValid(spanContext) ? spanContext : undefined;
  }
  if (typeof reference !== "object" || reference === null) return undefined;
  const spanContext: SpanContext = {
    traceFlags: TraceFlags.SAMPLED,
    ...reference,
    traceId: String(reference.traceId).toLowerCase(),
    spanId: String(reference.spanId).toLowerCase(),
  };
  return isSpanContextValid(spanContext) ? spanContext : undefined;
}
