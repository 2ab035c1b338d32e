import type { CapturedSpan } from "@sightline/testing";
import { getDurationMs } from "./format-span-details.js";

/** One span as a single JSON line for `sightline dev --json`: ids, name, service, timing, status, attributes, events. */
export function formatSpanJson(span: CapturedSpan): string {
  const startMs = Number(BigInt(span.startTimeUnixNano || "0") / 1_000_000n);
  return JSON.stringify({
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId ?? null,
    name: span.name,
    service: span.resource["service.name"] ?? null,
    startTime: new Date(startMs).toISOString(),
    durationMs: getDurationMs(span),
    status: span.status,
    attributes: span.attributes,
    events: span.events,
  });
}
