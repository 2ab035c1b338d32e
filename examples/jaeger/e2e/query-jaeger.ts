// Reads traces back from a real Jaeger v2 through the HTTP queries docs/export-jaeger.md documents, and
// flattens both answer shapes (OTLP JSON from /api/v3, Jaeger's model from /api/traces) into plain spans
// that keep each attribute's wire type, so tests can assert types as Jaeger stored them.

/** The query API of the Jaeger the backend suite started (scripts/backends/run.mjs). */
export const JAEGER_QUERY_URL = requireEnvironment("JAEGER_QUERY_URL");

/** One span as the v3 API returns it: OTLP JSON, attribute values still wrapped in their type. */
export interface JaegerOtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP JSON span kind: 3 (or `SPAN_KIND_CLIENT`) for a client call. */
  kind: number | string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  /** Attribute name → typed value, e.g. `{ intValue: "12" }`, `{ stringValue: "chat" }`. */
  attributes: Record<string, Record<string, unknown>>;
  events: { name: string; attributes: Record<string, Record<string, unknown>> }[];
  status: { code?: number | string; message?: string };
  /** The service.name of the span's resource. */
  serviceName: string;
}

/** One span as /api/traces returns it (Jaeger's own model). */
export interface JaegerModelSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  duration: number;
  references: { refType: string; spanID: string }[];
  tags: { key: string; type: string; value: unknown }[];
  logs: { fields: { key: string; value: unknown }[] }[];
}

/** Throws when the variable is missing: these tests only make sense against the suite's backends. */
export function requireEnvironment(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the backend suite with node scripts/backends/run.mjs`);
  return value;
}

/** This process's environment without OPENAI_API_KEY, so the examples call the mock LLM server, never OpenAI. */
export function withoutOpenAIKey(): NodeJS.ProcessEnv {
  const { OPENAI_API_KEY: _key, ...rest } = process.env;
  return rest;
}

/** GET a Jaeger API path; resolves with the HTTP status and the parsed JSON body (undefined when not JSON). */
export async function getJaeger(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${JAEGER_QUERY_URL}${path}`);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

/** The documented v3 trace search for one service over the last hour (with `query.num_traces`). */
export function v3TracesPath(serviceName: string): string {
  const now = Date.now();
  const query = new URLSearchParams({
    "query.service_name": serviceName,
    "query.start_time_min": new Date(now - 3_600_000).toISOString(),
    "query.start_time_max": new Date(now + 60_000).toISOString(),
    "query.num_traces": "100",
  });
  return `/api/v3/traces?${query}`;
}

/** Polls the v3 search until at least `count` spans of the service arrived; Jaeger stores them a batch later. */
export async function waitForV3Spans(serviceName: string, count: number): Promise<JaegerOtlpSpan[]> {
  const deadline = Date.now() + 20_000;
  let spans: JaegerOtlpSpan[] = [];
  while (Date.now() < deadline) {
    const { status, body } = await getJaeger(v3TracesPath(serviceName));
    spans = status === 200 ? flattenV3Spans(body) : [];
    if (spans.length >= count) return spans;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Jaeger holds ${spans.length} of ${count} spans of ${serviceName} after 20 s`);
}

/** Flattens a v3 `{ result: { resourceSpans } }` answer. */
export function flattenV3Spans(body: unknown): JaegerOtlpSpan[] {
  const spans: JaegerOtlpSpan[] = [];
  const result = (body as { result?: { resourceSpans?: unknown[] } })?.result;
  for (const resourceSpans of (result?.resourceSpans ?? []) as Record<string, any>[]) {
    const resource = toAttributes(resourceSpans.resource?.attributes);
    const serviceName = String(resource["service.name"]?.stringValue ?? "");
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        spans.push({
          ...span,
          attributes: toAttributes(span.attributes),
          events: (span.events ?? []).map((event: Record<string, any>) => ({
            name: event.name,
            attributes: toAttributes(event.attributes),
          })),
          status: span.status ?? {},
          serviceName,
        });
      }
    }
  }
  return spans;
}

/** Jaeger's tag search, the one that honours tags: `/api/traces?service=…&tags={json}&minDuration=…`. */
export async function searchTraces(options: {
  serviceName: string;
  tags?: Record<string, string>;
  minDuration?: string;
}): Promise<JaegerModelSpan[]> {
  const query = new URLSearchParams({ service: options.serviceName, limit: "100" });
  if (options.tags) query.set("tags", JSON.stringify(options.tags));
  if (options.minDuration) query.set("minDuration", options.minDuration);
  const { status, body } = await getJaeger(`/api/traces?${query}`);
  if (status !== 200) throw new Error(`/api/traces answered HTTP ${status}`);
  const traces = ((body as { data?: { spans: JaegerModelSpan[] }[] }).data ?? []) as {
    spans: JaegerModelSpan[];
  }[];
  return traces.flatMap((trace) => trace.spans);
}

/** The value of a tag on a Jaeger-model span. */
export function tagOf(span: JaegerModelSpan, key: string): unknown {
  return span.tags.find((tag) => tag.key === key)?.value;
}

function toAttributes(list: unknown): Record<string, Record<string, unknown>> {
  const attributes: Record<string, Record<string, unknown>> = {};
  for (const item of (list ?? []) as { key: string; value: Record<string, unknown> }[])
    attributes[item.key] = item.value;
  return attributes;
}
