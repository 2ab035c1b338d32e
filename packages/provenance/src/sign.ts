import { canonicalizeClaims } from "./canonicalize-claims.js";
import { digestContent } from "./digest-content.js";
import { encodeBase64Url } from "./encode-base64-url.js";
import { ED25519, getSubtleCrypto } from "./get-subtle-crypto.js";
import type { ProvenanceClaims, ProvenanceRecord, SignOptions } from "./types.js";

/**
 * Signs the facts about one generated output — digest of the content, model, provider, response
 * id, trace and span id, time and key id — with an Ed25519 key through WebCrypto. The record holds
 * no content and no key; store it next to the output, or send its compact form
 * (`encodeProvenanceRecord`) along with it.
 * @example
 * const record = await sign({ content: answer, model: "gpt-4o-2024-08-06", provider: "openai", key });
 */
export async function sign(options: SignOptions): Promise<ProvenanceRecord> {
  const { key } = options;
  if (!key || typeof key.keyId !== "string" || key.keyId.length === 0) {
    throw new TypeError(
      "sign: key.keyId must be a non-empty string (the id verifiers look the public key up by)",
    );
  }
  if (typeof options.model !== "string" || typeof options.provider !== "string") {
    throw new TypeError("sign: model and provider must be strings");
  }
  const claims: ProvenanceClaims = {
    v: 1,
    alg: "Ed25519",
    kid: key.keyId,
    digest: await digestContent(options.content),
    model: options.model,
    provider: options.provider,
    ...(options.responseId === undefined ? {} : { responseId: options.responseId }),
    ...(options.traceId === undefined ? {} : { traceId: options.traceId }),
    ...(options.spanId === undefined ? {} : { spanId: options.spanId }),
    time: (options.time ?? new Date()).toISOString(),
  };
  const signature = await getSubtleCrypto().sign(ED25519, key.privateKey, canonicalizeClaims(claims));
  return { ...claims, sig: encodeBase64Url(new Uint8Array(signature)) };
}
