import type { WebCryptoKey } from "./web-crypto-types.js";
/** What is signed: the facts about one generated output. */
export interface ProvenanceClaims {
  /** Format version. */
  v: 1;
  /** Signature algorithm. */
  alg: "Ed25519";
  /** Id of the signing key, to find its public key when verifying (key rotation). */
  kid: string;
  /** `sha256:` + base64url SHA-256 of the output's UTF-8 bytes. */
  digest: string;
  /** The model that produced the output (the response model when known). */
  model: string;
  /** The provider (`gen_ai.provider.name`, e.g. `openai`). */
  provider: string;
  /** The provider's response id (`gen_ai.response.id`), when known. */
  responseId?: string;
  /** Trace id of the operation's span (32 hex), when known. */
  traceId?: string;
  /** Span id of the operation's span (16 hex), when known. */
  spanId?: string;
  /** When it was signed, ISO 8601 UTC. */
  time: string;
}

/** Signed claims: the claims plus the base64url Ed25519 signature over their canonical JSON. */
export interface ProvenanceRecord extends ProvenanceClaims {
  /** base64url Ed25519 signature (64 bytes). */
  sig: string;
}

/** A private key and the id it is published under. */
export interface SigningKey {
  /** The id verifiers find the public key by, e.g. `"2026-11"`. */
  keyId: string;
  /** An Ed25519 private key (`crypto.subtle`, usage `sign`). */
  privateKey: WebCryptoKey;
}

/** A public key and its id. */
export interface VerificationKey {
  /** The key id records carry. */
  keyId: string;
  /** An Ed25519 public key: a `WebCryptoKey` or its raw 32 bytes as base64url (as `exportPublicKey` returns). */
  publicKey: WebCryptoKey | string;
}

/** Public keys by id: the current key and every retired key whose records must still verify. */
export interface KeyRing {
  /** The public key for `keyId`, or undefined when the ring does not hold it. */
  get(keyId: string): Promise<WebCryptoKey | undefined>;
  /** The ids in the ring. */
  readonly keyIds: readonly string[];
}

/** Options of `sign`. */
export interface SignOptions {
  /** The generated output, as text (signed as UTF-8) or bytes. */
  content: string | Uint8Array;
  /** The model that produced it. */
  model: string;
  /** The provider. */
  provider: string;
  /** The provider's response id. Default: none. */
  responseId?: string;
  /** The operation span's trace id. Default: none. */
  traceId?: string;
  /** The operation span's span id. Default: none. */
  spanId?: string;
  /** The key to sign with. */
  key: SigningKey;
  /** Signing time. Default: now. */
  time?: Date;
}

/** Why a record did not verify. */
export type VerificationFailure = "malformed" | "unknown_key" | "bad_signature" | "content_mismatch";

/** The result of `verify`. */
export type VerificationResult =
  | { valid: true; record: ProvenanceRecord }
  | { valid: false; reason: VerificationFailure; record?: ProvenanceRecord };
