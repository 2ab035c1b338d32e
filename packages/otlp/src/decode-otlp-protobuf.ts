import protobuf from "protobufjs";
import { OTLP_PROTO_SCHEMA } from "./otlp-proto-schema.js";

/** Which OTLP export request a body holds. */
export type OtlpSignal = "traces" | "metrics";

const REQUEST_TYPES: Record<OtlpSignal, string> = {
  traces: "otlp.ExportTraceServiceRequest",
  metrics: "otlp.ExportMetricsServiceRequest",
};

// Parsed once at load: the schema is a constant and the Root is never mutated afterwards.
const OTLP_ROOT = protobuf.parse(OTLP_PROTO_SCHEMA).root;

/**
 * Decodes an OTLP protobuf export request into the OTLP/JSON shape (camelCase fields, 64-bit integers as
 * decimal strings, ids as lower-case hex), so JSON and protobuf bodies flatten the same way.
 * Throws on a body that is not a valid message.
 */
export function decodeOtlpProtobuf(options: { body: Uint8Array; signal: OtlpSignal }): unknown {
  const type = OTLP_ROOT.lookupType(REQUEST_TYPES[options.signal]);
  const message = type.decode(options.body);
  const object = type.toObject(message, { longs: String, bytes: String, arrays: false, oneofs: false });
  return convertIds(object);
}

const ID_FIELDS = new Set(["traceId", "spanId", "parentSpanId"]);

// toObject encodes bytes as base64; OTLP/JSON carries ids as hex, so convert those fields only.
function convertIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convertIds);
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    result[key] =
      ID_FIELDS.has(key) && typeof field === "string"
        ? Buffer.from(field, "base64").toString("hex")
        : convertIds(field);
  }
  return result;
}
