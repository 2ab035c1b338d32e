import { decodeBase64Url } from "./encode-base64-url.js";
import type { ProvenanceRecord } from "./types.js";

const OPTIONAL_STRINGS = ["responseId", "traceId", "spanId"] as const;
const REQUIRED_STRINGS = ["kid", "digest", "model", "provider", "time"] as const;

/** Parses a compact record (or checks a record object); undefined when it is not a well-formed v1 record. */
export function decodeProvenanceRecord(input: string | ProvenanceRecord): ProvenanceRecord | undefined {
  let candidate: unknown = input;
  if (typeof input === "string") {
    const [payload, signature, extra] = input.split(".");
    if (!payload || !signature || extra !== undefined) return undefined;
    const bytes = decodeBase64Url(payload);
    if (!bytes) return undefined;
    try {
      candidate = { ...JSON.parse(new TextDecoder().decode(bytes)), sig: signature };
    } catch {
      return undefined;
    }
  }
  if (!candidate || typeof candidate !== "object") return undefined;
  const record = candidate as Record<string, unknown>;
  if (record.v !== 1 || record.alg !== "Ed25519" || typeof record.sig !== "string") return undefined;
  for (const field of REQUIRED_STRINGS) if (typeof record[field] !== "string") return undefined;
  for (const field of OPTIONAL_STRINGS) {
    if (record[field] !== undefined && typeof record[field] !== "string") return undefined;
  }
  return record as unknown as ProvenanceRecord;
}
