import { encodeBase64Url } from "./encode-base64-url.js";
import { getSubtleCrypto } from "./get-subtle-crypto.js";
import type { WebCryptoKey } from "./web-crypto-types.js";

/** Exports an Ed25519 public key as its raw 32 bytes in base64url, to publish (e.g. in a JSON key list). */
export async function exportPublicKey(publicKey: WebCryptoKey): Promise<string> {
  const raw = await getSubtleCrypto().exportKey("raw", publicKey);
  return encodeBase64Url(new Uint8Array(raw));
}
