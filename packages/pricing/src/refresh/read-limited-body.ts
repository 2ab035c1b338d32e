/**
 * Reads a response body as text, counting bytes as they stream in and cancelling the stream as soon as the count
 * passes `maxBytes`, so an oversized or endless body never sits in memory whole. Throws a `RangeError` then.
 */
export async function readLimitedBody(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new RangeError(tooBig(`${declared} bytes (Content-Length)`, maxBytes));
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new RangeError(tooBig(`more than ${maxBytes} bytes`, maxBytes));
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}

function tooBig(size: string, maxBytes: number): string {
  return `the body is ${size}, over maxBytes (${maxBytes}); raise maxBytes if the file is really that big`;
}
