import type { StoredEventData } from "../../../src/web/dev-api-types.js";

/** Live updates from `GET /api/stream`. */
export interface StoreEvents {
  /** Calls `listener` after each stored batch; returns the unsubscribe. */
  onStored(listener: (data: StoredEventData) => void): () => void;
  /** Calls `listener` with `true` while the stream is open, `false` while it is not; returns the unsubscribe. */
  onLiveChange(listener: (live: boolean) => void): () => void;
}

const RECONNECT_MS = 5000;

/**
 * Opens the store's Server-Sent Events stream. The browser reconnects on its own after a drop; when it
 * gives up (the server answered with an error), this reopens every 5 s, so restarting `sightline dev`
 * brings the page back to live.
 */
export function createStoreEvents(): StoreEvents {
  const storedListeners = new Set<(data: StoredEventData) => void>();
  const liveListeners = new Set<(live: boolean) => void>();
  let live = false;

  function setLive(next: boolean): void {
    if (next === live) return;
    live = next;
    for (const listener of liveListeners) listener(live);
  }

  function open(): void {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/stream");
    source.addEventListener("open", () => setLive(true));
    source.addEventListener("error", () => {
      setLive(false);
      if (source.readyState === EventSource.CLOSED) setTimeout(open, RECONNECT_MS);
    });
    source.addEventListener("stored", (event) => {
      setLive(true);
      const data = parseStoredData((event as MessageEvent).data);
      for (const listener of storedListeners) listener(data);
    });
  }
  open();

  return {
    onStored(listener) {
      storedListeners.add(listener);
      return () => storedListeners.delete(listener);
    },
    onLiveChange(listener) {
      liveListeners.add(listener);
      listener(live);
      return () => liveListeners.delete(listener);
    },
  };
}

function parseStoredData(text: unknown): StoredEventData {
  try {
    const value = JSON.parse(String(text)) as Partial<StoredEventData>;
    return { traces: Number(value.traces) || 0, spans: Number(value.spans) || 0 };
  } catch {
    return { traces: 0, spans: 0 };
  }
}
