import type { ProvenanceClaims } from "./types.js";

/** Field order of the signed bytes; fixed so a record re-serialized anywhere signs the same. */
const FIELD_ORDER: readonly (keyof ProvenanceClaims)[] = [
  "v",
  "alg",
  "kid",
  "digest",
  "model",
  "provider",
  "responseId",
  "traceId",
  "spanId",
  "time",
];

/** The exact bytes that are signed: the claims as JSON in a fixed field order, absent fields left out. */
export function canonicalizeClaims(claims: ProvenanceClaims): Uint8Array {
  const ordered: Record<string, unknown> = {};
  for (const field of FIELD_ORDER) if (claims[field] !== undefined) ordered[field] = claims[field];
  return new TextEncoder().encode(JSON.stringify(ordered));
}
