import type { Span } from "@opentelemetry/api";
import type { ResolvedConfig } from "../config/internal-types.js";
import { recordRedactionCounts } from "../redaction/record-redaction-counts.js";
import { redactContentValue } from "../redaction/redact-content-value.js";
import { ATTR_SIGHTLINE_CONTENT_TRUNCATED } from "../semconv.js";
import { serializeContent } from "./serialize-content.js";

/**
 * Puts one content attribute on a span as a JSON string (JS span attributes can't hold maps),
 * redacted and bounded; notes on the span when anything was cut, and how many findings of each
 * kind redaction replaced (accumulated in `redactionCounts` across the span's attributes).
 */
export function recordContentAttribute(options: {
  span: Span;
  config: ResolvedConfig;
  attribute: string;
  build: () => unknown;
  /** Findings per kind so far on this span; updated in place. */
  redactionCounts?: Record<string, number>;
}): void {
  const { span, config, attribute } = options;
  const counts = options.redactionCounts ?? {};
  const redactor = config.redactor;
  // The user's hook runs first (on free text, as it always has); the built-in redactor then runs on
  // every string of the result as the safety net, so nothing a hook leaves reaches the span.
  const serialized = serializeContent({
    value: options.build(),
    attribute,
    maxBytes: config.contentMaxBytes,
    redact: config.redactContent,
    sanitize: redactor ? (value) => redactContentValue(value, redactor, counts) : undefined,
  });
  span.setAttribute(attribute, serialized.json);
  if (serialized.truncated) span.setAttribute(ATTR_SIGHTLINE_CONTENT_TRUNCATED, true);
  if (config.redactor) recordRedactionCounts(span, counts);
}
