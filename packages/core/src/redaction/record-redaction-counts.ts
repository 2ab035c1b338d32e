import type { Span } from "@opentelemetry/api";
import { ATTR_SIGHTLINE_REDACTION_COUNT, ATTR_SIGHTLINE_REDACTION_COUNT_PREFIX } from "../semconv.js";

/**
 * Puts the findings on the span as one attribute per kind, `sightline.redaction.<kind>.count`,
 * plus the total `sightline.redaction.count`. One attribute per kind (rather than one JSON
 * attribute) because every backend can filter and aggregate a numeric attribute directly
 * (`sightline.redaction.email.count > 0`); only kinds that were found are written, so a clean
 * span carries none. Counts accumulate over a span's request and response content.
 */
export function recordRedactionCounts(span: Span, counts: Readonly<Record<string, number>>): void {
  let total = 0;
  for (const [kind, count] of Object.entries(counts)) {
    total += count;
    span.setAttribute(`${ATTR_SIGHTLINE_REDACTION_COUNT_PREFIX}${kind}.count`, count);
  }
  if (total > 0) span.setAttribute(ATTR_SIGHTLINE_REDACTION_COUNT, total);
}
