import { importPublicKey } from "./import-public-key.js";
import type { KeyRing, VerificationKey } from "./types.js";
import type { WebCryptoKey } from "./web-crypto-types.js";

/**
 * A ring of public keys by id. Rotate by signing with a new key id and adding its public key
 * here, keeping the retired keys as long as records they signed must verify; drop a key to
 * make everything it signed fail as `unknown_key`. Raw keys are imported once, on first use.
 * @example
 * const ring = createKeyRing([{ keyId: "2026-11", publicKey: "base64url…" }, { keyId: "2026-10", publicKey: oldKey }]);
 */
export function createKeyRing(keys: readonly VerificationKey[]): KeyRing {
  const entries = new Map<string, Promise<WebCryptoKey>>();
  const sources = new Map<string, WebCryptoKey | string>();
  for (const [index, entry] of keys.entries()) {
    if (!entry || typeof entry.keyId !== "string" || entry.keyId.length === 0) {
      throw new TypeError(`createKeyRing: keys[${index}].keyId must be a non-empty string`);
    }
    if (sources.has(entry.keyId)) throw new TypeError(`createKeyRing: key id "${entry.keyId}" appears twice`);
    sources.set(entry.keyId, entry.publicKey);
  }
  return {
    keyIds: [...sources.keys()],
    async get(keyId) {
      const source = sources.get(keyId);
      if (source === undefined) return undefined;
      let key = entries.get(keyId);
      if (!key) {
        key = typeof source === "string" ? importPublicKey(source) : Promise.resolve(source);
        entries.set(keyId, key);
      }
      return key;
    },
  };
}
