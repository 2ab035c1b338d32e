import type { ProvenanceClaims } from "./types.js";

/** Attribute with the digest of the signed output. */
export const ATTR_SIGHTLINE_PROVENANCE_DIGEST = "sightline.provenance.digest";
/** Attribute with the id of the key that signed it (never the key itself). */
export const ATTR_SIGHTLINE_PROVENANCE_KEY_ID = "sightline.provenance.key_id";

/** Anything with `setAttribute`, e.g. an OpenTelemetry span (this package has no dependency on the API). */
export interface AttributeTarget {
  setAttribute(key: string, value: string): unknown;
}

/**
 * Puts the record's digest and key id on a span — never the key, never the content. The
 * operation's own span has ended by the time a signature exists, so use the span that is active
 * when you sign (your request span); the record's trace and span ids point back to the operation.
 * Never throws.
 */
export function recordProvenanceOnSpan(
  span: AttributeTarget | undefined,
  record: Pick<ProvenanceClaims, "digest" | "kid">,
): void {
  try {
    span?.setAttribute(ATTR_SIGHTLINE_PROVENANCE_DIGEST, record.digest);
    span?.setAttribute(ATTR_SIGHTLINE_PROVENANCE_KEY_ID, record.kid);
  } catch {
    // Telemetry must never break the caller.
  }
}
