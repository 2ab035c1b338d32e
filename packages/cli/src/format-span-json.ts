import type { CapturedSpan } from "@sightline/otlp";
import { getDurationMs, parseUnixNano } from "./format-span-details.js";

/** One span as a single JSON line for `sightline dev --json`: ids, name, service, timing, status, attributes, events. */
export function formatSpanJson(span: CapturedSpan): string {
  const start = new Date(Number(parseUnixNano(span.startTimeUnixNano) / 1_000_000n));
  return JSON.stringify({
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId ?? null,
    name: span.name,
    service: span.resource["service.name"] ?? null,
    // A timestamp past the year 275760 is no date; null rather than a RangeError.
    startTime: Number.isNaN(start.getTime()) ? null : start.toISOString(),
    durationMs: getDurationMs(span),
    status: span.status,
    attributes: span.attributes,
    events: span.events,
  });
}
