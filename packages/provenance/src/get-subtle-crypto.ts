import type { SubtleCryptoLike } from "./web-crypto-types.js";

/** The WebCrypto `subtle` API of the runtime (Node 20+, Bun, Deno, browsers, edge workers). */
export function getSubtleCrypto(): SubtleCryptoLike {
  const subtle = (globalThis as unknown as { crypto?: { subtle?: SubtleCryptoLike } }).crypto?.subtle;
  if (!subtle) {
    throw new Error(
      "@sightline/provenance needs WebCrypto (globalThis.crypto.subtle), available on Node 20+, Bun, Deno and edge runtimes",
    );
  }
  return subtle;
}

/** The Ed25519 algorithm identifier WebCrypto takes. */
export const ED25519 = { name: "Ed25519" } as const;
