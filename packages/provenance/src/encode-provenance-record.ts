import { canonicalizeClaims } from "./canonicalize-claims.js";
import { encodeBase64Url } from "./encode-base64-url.js";
import type { ProvenanceRecord } from "./types.js";

/**
 * The compact form of a record, `<base64url canonical claims>.<base64url signature>` (about 400
 * characters), for an HTTP header, a database column or a content credential field.
 */
export function encodeProvenanceRecord(record: ProvenanceRecord): string {
  return `${encodeBase64Url(canonicalizeClaims(record))}.${record.sig}`;
}
