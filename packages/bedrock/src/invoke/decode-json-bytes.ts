/**
 * Parses a Bedrock body (a string, or bytes such as the SDK's `Uint8ArrayBlobAdapter`) as JSON without touching
 * it: the bytes are only read, so the caller decodes `output.body` as before. Undefined when it is not JSON.
 */
export function decodeJsonBytes(value: unknown): unknown {
  try {
    if (typeof value === "string") return JSON.parse(value);
    if (value instanceof Uint8Array) return JSON.parse(new TextDecoder().decode(value));
  } catch {
    return undefined;
  }
  return undefined;
}
