import { convertOtlpAttributes } from "./convert-otlp-attributes.js";
import { isRecord } from "./is-record.js";
import type { CapturedSpan } from "./types.js";

/** Flattens an OTLP/JSON-shaped `ExportTraceServiceRequest` into spans carrying their resource and scope. */
export function flattenOtlpSpans(request: unknown): CapturedSpan[] {
  const spans: CapturedSpan[] = [];
  for (const resourceSpans of listOf(request, "resourceSpans")) {
    const resource = convertOtlpAttributes(recordOf(resourceSpans, "resource").attributes);
    for (const scopeSpans of listOf(resourceSpans, "scopeSpans")) {
      const scope = convertScope(recordOf(scopeSpans, "scope"));
      for (const span of listOf(scopeSpans, "spans")) {
        const status = recordOf(span, "status");
        const parentSpanId =
          typeof span.parentSpanId === "string" && span.parentSpanId !== "" ? span.parentSpanId : undefined;
        spans.push({
          traceId: String(span.traceId ?? ""),
          spanId: String(span.spanId ?? ""),
          ...(parentSpanId ? { parentSpanId } : {}),
          name: String(span.name ?? ""),
          kind: Number(span.kind ?? 0),
          startTimeUnixNano: String(span.startTimeUnixNano ?? "0"),
          endTimeUnixNano: String(span.endTimeUnixNano ?? "0"),
          attributes: convertOtlpAttributes(span.attributes),
          events: listOf(span, "events").map((event) => ({
            name: String(event.name ?? ""),
            ...convertTime(event.timeUnixNano),
            attributes: convertOtlpAttributes(event.attributes),
          })),
          status: {
            code: Number(status.code ?? 0),
            ...(typeof status.message === "string" && status.message !== ""
              ? { message: status.message }
              : {}),
          },
          resource,
          scope,
        });
      }
    }
  }
  return spans;
}

/**
 * `{ timeUnixNano }` as a decimal string when the time was sent (OTLP/JSON may carry it as a string or a
 * number; protobuf decodes it as a string), else `{}`: a zero time means "not set" in OTLP.
 */
export function convertTime(value: unknown): { timeUnixNano?: string } {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint") return {};
  const text = String(value);
  return /^[0-9]+$/.test(text) && !/^0+$/.test(text) ? { timeUnixNano: text } : {};
}

/** The instrumentation scope as `{ name, version? }`. */
export function convertScope(scope: Record<string, unknown>): { name: string; version?: string } {
  const version = typeof scope.version === "string" && scope.version !== "" ? scope.version : undefined;
  return { name: String(scope.name ?? ""), ...(version ? { version } : {}) };
}

/** The records in `parent[key]`, or `[]`. */
export function listOf(parent: unknown, key: string): Record<string, unknown>[] {
  const value = isRecord(parent) ? parent[key] : undefined;
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The record in `parent[key]`, or `{}`. */
export function recordOf(parent: unknown, key: string): Record<string, unknown> {
  const value = isRecord(parent) ? parent[key] : undefined;
  return isRecord(value) ? value : {};
}
