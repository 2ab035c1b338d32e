/** Options for {@link startOtlpCaptureReceiver}. */
export interface OtlpCaptureReceiverOptions {
  /** TCP port to listen on, on 127.0.0.1. Default `0` (an ephemeral port). */
  port?: number;
}

/** One OTLP export request the receiver accepted or rejected. */
export interface CapturedOtlpRequest {
  /** Request path, e.g. `/v1/traces` or `/otlp/v1/metrics`. */
  path: string;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
  /** The `content-type` header without parameters, e.g. `application/x-protobuf`. */
  contentType: string;
}

/** A decoded span, flattened out of its resource and scope. */
export interface CapturedSpan {
  /** Trace id, 32 lower-case hex characters. */
  traceId: string;
  /** Span id, 16 lower-case hex characters. */
  spanId: string;
  /** Parent span id in hex; absent for a root span. */
  parentSpanId?: string;
  /** Span name. */
  name: string;
  /** OTLP span kind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  /** Start time in Unix nanoseconds, as a decimal string. */
  startTimeUnixNano: string;
  /** End time in Unix nanoseconds, as a decimal string. */
  endTimeUnixNano: string;
  /** Attributes as JS values: strings, numbers (64-bit integers via `Number`), booleans, arrays, objects. */
  attributes: Record<string, unknown>;
  /** Span events with their attributes and, when sent, their time in Unix nanoseconds as a decimal string. */
  events: { name: string; timeUnixNano?: string; attributes: Record<string, unknown> }[];
  /** OTLP status: code 0 unset, 1 ok, 2 error. */
  status: { code: number; message?: string };
  /** Resource attributes. */
  resource: Record<string, unknown>;
  /** Instrumentation scope. */
  scope: { name: string; version?: string };
}

/** One data point of a captured metric. */
export interface CapturedMetricPoint {
  /** When the point was taken, in Unix nanoseconds as a decimal string; absent when not sent. */
  timeUnixNano?: string;
  /** Point attributes. */
  attributes: Record<string, unknown>;
  /** Sum or gauge value. */
  value?: number;
  /** How the sum or gauge value was sent: `asInt` (an INT instrument) or `asDouble`. */
  valueType?: "int" | "double";
  /** Histogram count. */
  count?: number;
  /** Histogram sum. */
  sum?: number;
  /** Histogram bucket counts. */
  bucketCounts?: number[];
  /** Histogram bucket boundaries. */
  explicitBounds?: number[];
  /** Histogram minimum, when sent. */
  min?: number;
  /** Histogram maximum, when sent. */
  max?: number;
}

/** A decoded metric, flattened out of its resource and scope. */
export interface CapturedMetric {
  /** Instrument name. */
  name: string;
  /** Unit, when set. */
  unit?: string;
  /** Description, when set. */
  description?: string;
  /** Aggregation kind. */
  kind: "sum" | "gauge" | "histogram";
  /** Aggregation temporality of a sum or histogram; absent for gauges. */
  temporality?: "delta" | "cumulative";
  /** Whether a sum only grows (a counter); absent for gauges and histograms, and on protobuf when false. */
  monotonic?: boolean;
  /** Data points. */
  points: CapturedMetricPoint[];
  /** Resource attributes. */
  resource: Record<string, unknown>;
  /** Instrumentation scope. */
  scope: { name: string; version?: string };
}

/** A running OTLP/HTTP capture receiver. */
export interface OtlpCaptureReceiver {
  /** Base URL, `http://127.0.0.1:<port>`; exporters post to `${url}/v1/traces` and `${url}/v1/metrics`. */
  url: string;
  /** Every export request received, in arrival order (garbage ones included). */
  requests: CapturedOtlpRequest[];
  /** All spans received so far, in arrival order. */
  spans(): CapturedSpan[];
  /** All metrics received so far, in arrival order (one entry per metric per export). */
  metrics(): CapturedMetric[];
  /** Resolves with all spans once at least `count` arrived; rejects after `timeoutMs` (default 5000). */
  waitForSpans(count: number, timeoutMs?: number): Promise<CapturedSpan[]>;
  /** Resolves with every metric named `name` once one arrived; rejects after `timeoutMs` (default 5000). */
  waitForMetrics(name: string, timeoutMs?: number): Promise<CapturedMetric[]>;
  /** Forgets the requests, spans and metrics received so far. */
  reset(): void;
  /** Stops listening and destroys open sockets. */
  close(): Promise<void>;
}
