/**
 * The few WebCrypto shapes this package uses, declared structurally so its types need neither the
 * DOM library nor Node's: a `CryptoKey` from any runtime (Node, Bun, Deno, browsers, workers) fits.
 */

/** A WebCrypto key (`CryptoKey`). */
export interface WebCryptoKey {
  /** `public` or `private` for Ed25519 keys. */
  readonly type: string;
  /** The key's algorithm; `Ed25519` here. */
  readonly algorithm: { readonly name: string };
  /** Whether the key material can be exported. */
  readonly extractable: boolean;
}

/** The subset of `SubtleCrypto` used here. */
export interface SubtleCryptoLike {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
  sign(algorithm: { name: string }, key: WebCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(
    algorithm: { name: string },
    key: WebCryptoKey,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
  importKey(
    format: "raw",
    keyData: Uint8Array,
    algorithm: { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<WebCryptoKey>;
  exportKey(format: "raw", key: WebCryptoKey): Promise<ArrayBuffer>;
  generateKey(
    algorithm: { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<{ publicKey: WebCryptoKey; privateKey: WebCryptoKey }>;
}
