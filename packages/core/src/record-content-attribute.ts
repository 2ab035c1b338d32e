import type { Span } from "@opentelemetry/api";
import type { ResolvedConfig } from "./internal-types.js";
import { ATTR_SIGHTLINE_CONTENT_TRUNCATED } from "./semconv.js";
import { serializeContent } from "./serialize-content.js";

/**
 * Puts one content attribute on a span as a JSON string (JS span attributes can't hold maps),
 * redacted and bounded; notes on the span when anything was cut.
 */
export function recordContentAttribute(options: {
  span: Span;
  config: ResolvedConfig;
  attribute: string;
  build: () => unknown;
}): void {
  const { span, config, attribute } = options;
  const serialized = serializeContent({
    value: options.build(),
    attribute,
    maxBytes: config.contentMaxBytes,
    redact: config.redactContent,
  });
  span.setAttribute(attribute, serialized.json);
  if (serialized.truncated) span.setAttribute(ATTR_SIGHTLINE_CONTENT_TRUNCATED, true);
}
