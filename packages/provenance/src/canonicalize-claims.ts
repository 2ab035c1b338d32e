import type { ProvenanceClaims } from "./types.js";

/**
 * The fields the signature covers, in the order they are signed; fixed so a record re-serialized anywhere
 * signs the same. A record never carries (or vouches for) a field outside this list.
 */
export const SIGNED_CLAIM_FIELDS: readonly (keyof ProvenanceClaims)[] = [
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
  for (const field of SIGNED_CLAIM_FIELDS) if (claims[field] !== undefined) ordered[field] = claims[field];
  return new TextEncoder().encode(JSON.stringify(ordered));
}
