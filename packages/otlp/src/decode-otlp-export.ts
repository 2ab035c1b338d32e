import { decodeOtlpProtobuf } from "./decode-otlp-protobuf.js";
import { flattenOtlpMetrics } from "./flatten-otlp-metrics.js";
import { flattenOtlpSpans } from "./flatten-otlp-spans.js";
import { isRecord } from "./is-record.js";
import type { CapturedMetric, CapturedSpan } from "./types.js";

/** Options of {@link decodeOtlpExport}. */
export interface DecodeOtlpExportOptions {
  /** The request body, already gunzipped. */
  body: Uint8Array;
  /** `application/x-protobuf` or `application/json` (anything else is read as JSON). */
  contentType: string;
  /** Which export request the body holds: from the path, `/v1/traces` or `/v1/metrics`. */
  signal: "traces" | "metrics";
}

/** What one OTLP export request held, flattened like the capture receiver's records. */
export interface DecodedOtlpExport {
  /** Spans of a traces request (empty for metrics). */
  spans: CapturedSpan[];
  /** Metrics of a metrics request (empty for traces). */
  metrics: CapturedMetric[];
}

/**
 * Decodes one OTLP/HTTP export request body (protobuf or JSON) into flattened spans or metrics, the way
 * {@link startOtlpCaptureReceiver} does; for receivers of your own (e.g. `sightline dev`).
 * Throws on a body that is not an OTLP export request.
 * @example
 * const { spans } = decodeOtlpExport({ body, contentType: "application/x-protobuf", signal: "traces" });
 */
export function decodeOtlpExport(options: DecodeOtlpExportOptions): DecodedOtlpExport {
  const decoded =
    options.contentType === "application/x-protobuf"
      ? decodeOtlpProtobuf({ body: options.body, signal: options.signal })
      : (JSON.parse(Buffer.from(options.body).toString("utf8")) as unknown);
  if (!isRecord(decoded)) throw new Error("OTLP export request: the body is not an object");
  return options.signal === "traces"
    ? { spans: flattenOtlpSpans(decoded), metrics: [] }
    : { spans: [], metrics: flattenOtlpMetrics(decoded) };
}
