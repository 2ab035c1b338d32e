import { ED25519, getSubtleCrypto } from "./get-subtle-crypto.js";
import type { SigningKey } from "./types.js";
import type { WebCryptoKey } from "./web-crypto-types.js";

/**
 * Generates an Ed25519 key pair under `keyId`. The private key is not extractable by default;
 * pass `extractable: true` only to export it once into your secret store.
 */
export async function generateSigningKey(options: {
  keyId: string;
  extractable?: boolean;
}): Promise<SigningKey & { publicKey: WebCryptoKey }> {
  const pair = await getSubtleCrypto().generateKey(ED25519, options.extractable ?? false, ["sign", "verify"]);
  return { keyId: options.keyId, privateKey: pair.privateKey, publicKey: pair.publicKey };
}
