import { encodeBase64Url } from "./encode-base64-url.js";
import { getSubtleCrypto } from "./get-subtle-crypto.js";

/** `sha256:` + base64url SHA-256 of the content (text is hashed as UTF-8). */
export async function digestContent(content: string | Uint8Array): Promise<string> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const hash = await getSubtleCrypto().digest("SHA-256", bytes);
  return `sha256:${encodeBase64Url(new Uint8Array(hash))}`;
}
