import { SIGNED_CLAIM_FIELDS } from "./canonicalize-claims.js";
import { decodeBase64Url } from "./encode-base64-url.js";
import type { ProvenanceRecord } from "./types.js";

const OPTIONAL_STRINGS = ["responseId", "traceId", "spanId"] as const;
const REQUIRED_STRINGS = ["kid", "digest", "model", "provider", "time"] as const;

/**
 * Parses a compact record (or checks a record object); undefined when it is not a well-formed v1 record.
 * The result is a new object holding only the signed claims and `sig`: fields anyone could add beside
 * them are not covered by the signature, so they are dropped rather than handed back as if verified.
 */
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
  const record = copySignedFields(candidate as Record<string, unknown>);
  if (!record) return undefined;
  if (record.v !== 1 || record.alg !== "Ed25519" || typeof record.sig !== "string") return undefined;
  for (const field of REQUIRED_STRINGS) if (typeof record[field] !== "string") return undefined;
  for (const field of OPTIONAL_STRINGS) {
    if (record[field] !== undefined && typeof record[field] !== "string") return undefined;
  }
  return record as unknown as ProvenanceRecord;
}

/**
 * Each signed field and `sig`, read exactly once into a plain object, so a getter cannot show the
 * signature check one value and the caller another; undefined when reading a field throws.
 */
function copySignedFields(source: Record<string, unknown>): Record<string, unknown> | undefined {
  const copy: Record<string, unknown> = {};
  try {
    for (const field of [...SIGNED_CLAIM_FIELDS, "sig"]) {
      const value = source[field];
      if (value !== undefined) copy[field] = value;
    }
  } catch {
    return undefined;
  }
  return copy;
}
