import type { IncomingMessage } from "node:http";

/** The body, or `"too-large"` once more than `maxBytes` arrived (the rest is read and thrown away). */
export async function readLimitedBody(options: {
  request: IncomingMessage;
  maxBytes: number;
}): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of options.request) {
    if (tooLarge) continue;
    size += (chunk as Buffer).length;
    if (size > options.maxBytes) {
      // Keep draining rather than keeping bytes: memory stays bounded and the client gets its 413.
      tooLarge = true;
      chunks.length = 0;
      continue;
    }
    chunks.push(chunk as Buffer);
  }
  return tooLarge ? "too-large" : Buffer.concat(chunks);
}
