import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import type { DevStore } from "../store/types.js";
import { createEventStreams } from "./create-event-stream.js";
import type { StoredEventData } from "./dev-api-types.js";

/** Only `onStored` is used by the streams; the rest of the store is not needed here. */
function createListenerHub(): { store: DevStore; emit(data: StoredEventData): void; listeners(): number } {
  const listeners = new Set<(data: StoredEventData) => void>();
  const store = {
    onStored(listener: (data: StoredEventData) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as DevStore;
  return {
    store,
    emit(data) {
      for (const listener of listeners) listener(data);
    },
    listeners: () => listeners.size,
  };
}

it("sends `event: stored`, keep-alive comments, and stops listening when the client or the server goes", async () => {
  const hub = createListenerHub();
  const streams = createEventStreams({ store: hub.store, keepAliveMs: 20 });
  const server = createServer((_request, response) => streams.open(response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stream`;
  const decoder = new TextDecoder();

  const first = await fetch(url);
  expect(first.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  expect(first.headers.get("cache-control")).toBe("no-store");
  const reader = (first.body as ReadableStream<Uint8Array>).getReader();
  let received = decoder.decode((await reader.read()).value);
  hub.emit({ traces: 2, spans: 7 });
  while (!received.includes(": keep-alive\n\n") || !received.includes("event: stored")) {
    received += decoder.decode((await reader.read()).value);
  }
  expect(received).toContain('event: stored\ndata: {"traces":2,"spans":7}\n\n');
  expect(hub.listeners()).toBe(1);
  await reader.cancel();
  await expect.poll(() => hub.listeners()).toBe(0);

  const second = await fetch(url);
  const secondReader = (second.body as ReadableStream<Uint8Array>).getReader();
  await secondReader.read();
  expect(hub.listeners()).toBe(1);
  streams.close();
  expect(hub.listeners()).toBe(0);
  let chunk = await secondReader.read();
  while (!chunk.done) chunk = await secondReader.read();
  await new Promise((resolve) => server.close(resolve));
});
