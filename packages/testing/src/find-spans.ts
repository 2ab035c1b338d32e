import type { ReadableSpan } from "@opentelemetry/sdk-trace";

/** The finished spans named `name` (exact) or, for a name ending in `*`, starting with what precedes it. */
export function spansNamed(spans: ReadableSpan[], name: string): ReadableSpan[] {
  return name.endsWith("*")
    ? spans.filter((span) => span.name.startsWith(name.slice(0, -1)))
    : spans.filter((span) => span.name === name);
}

/** The span's parent span id. */
export function parentOf(span: ReadableSpan | undefined): string | undefined {
  return span?.parentSpanContext?.spanId;
}

/** The span's own id. */
export function idOf(span: ReadableSpan | undefined): string | undefined {
  return span?.spanContext().spanId;
}
