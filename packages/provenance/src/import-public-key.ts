import { decodeBase64Url } from "./encode-base64-url.js";
import { ED25519, getSubtleCrypto } from "./get-subtle-crypto.js";
import type { WebCryptoKey } from "./web-crypto-types.js";

/** Imports an Ed25519 public key from its raw 32 bytes in base64url (what `exportPublicKey` returns). */
export async function importPublicKey(publicKey: string): Promise<WebCryptoKey> {
  const bytes = decodeBase64Url(publicKey);
  if (bytes?.length !== 32) {
    throw new TypeError("importPublicKey: expected the raw 32-byte Ed25519 public key as base64url");
  }
  return getSubtleCrypto().importKey("raw", bytes, ED25519, true, ["verify"]);
}
