import type { ServerResponse } from "node:http";
import type { DevStore } from "../store/types.js";

const KEEP_ALIVE_MS = 15_000;

/** The open `GET /api/stream` connections, so the server can end them when it closes. */
export interface EventStreams {
  /** Starts a Server-Sent Events stream on `response`: `event: stored` after each stored batch. */
  open(response: ServerResponse): void;
  /** Ends every open stream. */
  close(): void;
}

/** Creates the SSE hub: one store listener per stream, a keep-alive comment every 15 s. */
export function createEventStreams(options: { store: DevStore; keepAliveMs?: number }): EventStreams {
  const streams = new Set<() => void>();
  return {
    open(response) {
      response.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        connection: "keep-alive",
      });
      response.write(": connected\n\n");
      const stopListening = options.store.onStored((data) => {
        response.write(`event: stored\ndata: ${JSON.stringify(data)}\n\n`);
      });
      // Comments keep proxies and browsers from closing an idle stream.
      const keepAlive = setInterval(
        () => response.write(": keep-alive\n\n"),
        options.keepAliveMs ?? KEEP_ALIVE_MS,
      );
      keepAlive.unref();
      const end = () => {
        if (!streams.delete(end)) return;
        clearInterval(keepAlive);
        stopListening();
        response.end();
      };
      streams.add(end);
      response.once("close", end);
    },
    close() {
      for (const end of [...streams]) end();
    },
  };
}
