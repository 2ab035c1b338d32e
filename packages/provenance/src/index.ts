export { createKeyRing } from "./create-key-ring.js";
export { decodeProvenanceRecord } from "./decode-provenance-record.js";
export { digestContent } from "./digest-content.js";
export { encodeProvenanceRecord } from "./encode-provenance-record.js";
export { exportPublicKey } from "./export-public-key.js";
export { formatDisclosure } from "./format-disclosure.js";
export { generateSigningKey } from "./generate-signing-key.js";
export { importPublicKey } from "./import-public-key.js";
export {
  ATTR_SIGHTLINE_PROVENANCE_DIGEST,
  ATTR_SIGHTLINE_PROVENANCE_KEY_ID,
  type AttributeTarget,
  recordProvenanceOnSpan,
} from "./record-provenance-on-span.js";
export { sign } from "./sign.js";
export type {
  KeyRing,
  ProvenanceClaims,
  ProvenanceRecord,
  SigningKey,
  SignOptions,
  VerificationFailure,
  VerificationKey,
  VerificationResult,
} from "./types.js";
export { verify } from "./verify.js";
export type { SubtleCryptoLike, WebCryptoKey } from "./web-crypto-types.js";
