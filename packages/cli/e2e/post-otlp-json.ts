/** A span to export, in the few fields the browser tests need. */
export interface TestSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startMs: number;
  durationMs: number;
  attributes?: Record<string, string | number>;
  events?: { name: string; timeMs: number; attributes?: Record<string, string | number> }[];
  /** OTLP status code: 2 is an error. */
  statusCode?: number;
  /** `service.name` of the resource; default `browser-test`. */
  service?: string;
}

/**
 * POSTs spans to `<url>/v1/traces` as OTLP/JSON, the way an OTel exporter with `http/json` does, and throws
 * unless the receiver accepts them (2xx).
 */
export async function postOtlpJson(options: { url: string; spans: TestSpan[] }): Promise<void> {
  const response = await fetch(`${options.url}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(toOtlpJson(options.spans)),
  });
  if (!response.ok) throw new Error(`OTLP export refused: ${response.status} ${await response.text()}`);
}

/** The OTLP/JSON `ExportTraceServiceRequest` for spans, one resource per service. */
export function toOtlpJson(spans: TestSpan[]): unknown {
  const byService = new Map<string, TestSpan[]>();
  for (const span of spans) {
    const service = span.service ?? "browser-test";
    byService.set(service, [...(byService.get(service) ?? []), span]);
  }
  return {
    resourceSpans: [...byService].map(([service, group]) => ({
      resource: { attributes: toKeyValues({ "service.name": service }) },
      scopeSpans: [
        {
          scope: { name: "sightline-browser-test", version: "1.0.0" },
          spans: group.map((span) => ({
            traceId: span.traceId,
            spanId: span.spanId,
            ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
            name: span.name,
            kind: 1,
            startTimeUnixNano: toNanos(span.startMs),
            endTimeUnixNano: toNanos(span.startMs + span.durationMs),
            attributes: toKeyValues(span.attributes ?? {}),
            events: (span.events ?? []).map((event) => ({
              name: event.name,
              timeUnixNano: toNanos(event.timeMs),
              attributes: toKeyValues(event.attributes ?? {}),
            })),
            status: { code: span.statusCode ?? 0 },
          })),
        },
      ],
    })),
  };
}

/** A random lowercase hex id of `bytes` bytes (16 for a trace id, 8 for a span id). */
export function randomHexId(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}

function toKeyValues(attributes: Record<string, string | number>): unknown[] {
  return Object.entries(attributes).map(([key, value]) => ({
    key,
    value:
      typeof value === "string"
        ? { stringValue: value }
        : Number.isInteger(value)
          ? { intValue: String(value) }
          : { doubleValue: value },
  }));
}

function toNanos(ms: number): string {
  return (BigInt(Math.round(ms * 1000)) * 1000n).toString();
}
