import { canonicalizeClaims } from "./canonicalize-claims.js";
import { createKeyRing } from "./create-key-ring.js";
import { decodeProvenanceRecord } from "./decode-provenance-record.js";
import { digestContent } from "./digest-content.js";
import { decodeBase64Url } from "./encode-base64-url.js";
import { ED25519, getSubtleCrypto } from "./get-subtle-crypto.js";
import type { KeyRing, ProvenanceRecord, VerificationKey, VerificationResult } from "./types.js";

/**
 * Checks a record (object or compact string) against the content it claims to describe and the
 * public keys you trust: the key is found by the record's key id (`unknown_key` when the ring
 * lacks it), the signature must match the claims (`bad_signature`: a changed field or the wrong
 * key), and the content's digest must match (`content_mismatch`: a changed byte). Never throws.
 * The returned `record` is a new object with only the signed claims and `sig`; any other field of the
 * input is dropped, because the signature does not cover it.
 * @example
 * const result = await verify({ record, content: answer, keys: ring });
 * if (!result.valid) console.warn(`not verified: ${result.reason}`);
 */
export async function verify(options: {
  record: ProvenanceRecord | string;
  content: string | Uint8Array;
  keys: KeyRing | readonly VerificationKey[];
}): Promise<VerificationResult> {
  const record = decodeProvenanceRecord(options.record);
  if (!record) return { valid: false, reason: "malformed" };
  try {
    const ring = isKeyRing(options.keys) ? options.keys : createKeyRing(options.keys);
    const publicKey = await ring.get(record.kid);
    if (!publicKey) return { valid: false, reason: "unknown_key", record };
    const signature = decodeBase64Url(record.sig);
    if (signature?.length !== 64) return { valid: false, reason: "malformed", record };
    const signed = await getSubtleCrypto().verify(ED25519, publicKey, signature, canonicalizeClaims(record));
    if (!signed) return { valid: false, reason: "bad_signature", record };
    if ((await digestContent(options.content)) !== record.digest) {
      return { valid: false, reason: "content_mismatch", record };
    }
    return { valid: true, record };
  } catch {
    // A key of the wrong type or a runtime without Ed25519: not verified, and never a crash.
    return { valid: false, reason: "bad_signature", record };
  }
}

function isKeyRing(keys: KeyRing | readonly VerificationKey[]): keys is KeyRing {
  return !Array.isArray(keys) && typeof (keys as KeyRing).get === "function";
}
