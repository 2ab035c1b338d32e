import type { ServerResponse } from "node:http";
import { sleep } from "../sleep.js";
import type { MockScript } from "../types.js";

// Deliberately unparsable, so a client's JSON.parse fails on exactly this line.
const MALFORMED_LINE = '{"malformed": ';

/**
 * Streams `lines` as Ollama does (`application/x-ndjson`, one JSON object a line), applying the
 * script's pacing and stream faults; the mid-stream error is Ollama's `{ "error": "…" }` line.
 */
export async function writeNdjson(options: {
  response: ServerResponse;
  lines: unknown[];
  script: MockScript;
  signal: AbortSignal;
}): Promise<void> {
  const { response, lines, script, signal } = options;
  response.writeHead(200, { "content-type": "application/x-ndjson" });
  response.flushHeaders();
  for (const [index, line] of lines.entries()) {
    if (index === script.cutAfterChunks) return cut(response);
    await sleep(index === 0 ? (script.firstChunkDelayMs ?? 0) : (script.chunkDelayMs ?? 0), signal);
    if (signal.aborted) return;
    if (index === script.errorChunkAt) {
      await write(response, `${JSON.stringify({ error: "The Sightline mock failed mid-stream." })}\n`);
      response.end();
      return;
    }
    await write(response, `${index === script.malformedChunkAt ? MALFORMED_LINE : JSON.stringify(line)}\n`);
  }
  if (script.cutAfterChunks !== undefined) return cut(response);
  response.end();
}

function write(response: ServerResponse, text: string): Promise<void> {
  return new Promise((resolve) => {
    response.write(text, () => resolve());
  });
}

function cut(response: ServerResponse): void {
  response.socket?.destroy();
  response.destroy();
}
