import type { ServerResponse } from "node:http";
import { sleep } from "./sleep.js";
import type { MockScript } from "./types.js";

/** One server-sent event. */
export interface SseFrame {
  /** The `event:` line; omitted when undefined (OpenAI chat sends data-only frames). */
  event?: string;
  /** The `data:` payload, serialised as JSON. */
  data: unknown;
}

/** Options for {@link writeSse}. */
export interface WriteSseOptions {
  /** The Node response to write to; its headers must not be sent yet. */
  response: ServerResponse;
  /** The frames, in order. */
  frames: SseFrame[];
  /** The script: pacing and the cut / malformed faults are read from it. */
  script: MockScript;
  /** Stops pacing and writing when the client leaves or the server closes. */
  signal: AbortSignal;
  /** A raw data payload sent after the frames, e.g. OpenAI chat's `[DONE]`. */
  doneMarker?: string;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** The provider's mid-stream error event, sent at the script's `errorChunkAt` index. */
  createErrorFrame?: (index: number) => SseFrame;
}

// Deliberately unparsable, so a client's JSON.parse fails on exactly this frame.
const MALFORMED_PAYLOAD = '{"malformed": ';

/** Streams `frames` as `text/event-stream`, applying the script's pacing and stream faults. */
export async function writeSse(options: WriteSseOptions): Promise<void> {
  const { response, frames, script, signal } = options;
  response.writeHead(200, {
    ...options.headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  // Headers go out now so a client sees the stream open even while the first frame is delayed.
  response.flushHeaders();
  for (const [index, frame] of frames.entries()) {
    if (index === script.cutAfterChunks) return cut(response);
    await sleep(index === 0 ? (script.firstChunkDelayMs ?? 0) : (script.chunkDelayMs ?? 0), signal);
    if (signal.aborted) return;
    if (index === script.errorChunkAt && options.createErrorFrame) {
      await write(response, formatFrame(options.createErrorFrame(index), JSON.stringify));
      response.end();
      return;
    }
    const serialise = index === script.malformedChunkAt ? () => MALFORMED_PAYLOAD : JSON.stringify;
    await write(response, formatFrame(frame, serialise));
  }
  if (script.cutAfterChunks !== undefined) return cut(response);
  if (options.doneMarker !== undefined) await write(response, `data: ${options.doneMarker}\n\n`);
  response.end();
}

function formatFrame(frame: SseFrame, serialise: (data: unknown) => string): string {
  const eventLine = frame.event === undefined ? "" : `event: ${frame.event}\n`;
  return `${eventLine}data: ${serialise(frame.data)}\n\n`;
}

function write(response: ServerResponse, text: string): Promise<void> {
  // Waiting for the write callback makes sure a later cut does not discard frames still buffered.
  return new Promise((resolve) => {
    response.write(text, () => resolve());
  });
}

function cut(response: ServerResponse): void {
  response.socket?.destroy();
  response.destroy();
}
