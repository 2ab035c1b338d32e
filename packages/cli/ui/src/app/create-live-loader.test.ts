import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { StoreEvents } from "../api/create-store-events.js";
import { createLiveLoader } from "./create-live-loader.js";

function createEvents(): StoreEvents & { emit(): void; listeners: number } {
  const listeners = new Set<() => void>();
  return {
    onStored(listener) {
      const wrapped = () => listener({ traces: 1, spans: 1 });
      listeners.add(wrapped);
      return () => listeners.delete(wrapped);
    },
    onLiveChange: () => () => {},
    emit: () => {
      for (const listener of listeners) listener();
    },
    get listeners() {
      return listeners.size;
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it("loads at once, again once per burst of stored events, and a newer load aborts the older", async () => {
  const events = createEvents();
  const signals: AbortSignal[] = [];
  const loader = createLiveLoader({
    events,
    waitMs: 500,
    load: async (signal) => void signals.push(signal),
    onError: () => {},
  });
  expect(signals).toHaveLength(1);
  events.emit();
  events.emit();
  events.emit();
  await vi.advanceTimersByTimeAsync(499);
  expect(signals).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(signals).toHaveLength(2);
  expect(signals[0]?.aborted).toBe(true);
  loader.reload();
  expect(signals[1]?.aborted).toBe(true);
  loader.dispose();
  expect(signals[2]?.aborted).toBe(true);
  expect(events.listeners).toBe(0);
  events.emit();
  await vi.advanceTimersByTimeAsync(1000);
  expect(signals).toHaveLength(3);
});

it("reports the errors of the current load and drops those of an aborted one", async () => {
  const events = createEvents();
  const errors: unknown[] = [];
  let calls = 0;
  const loader = createLiveLoader({
    events,
    waitMs: 10,
    async load(signal) {
      calls += 1;
      const call = calls;
      await Promise.resolve();
      if (call === 1) {
        // Superseded before it fails: its error is stale.
        loader.reload();
        throw new Error("stale");
      }
      if (!signal.aborted) throw new Error("current");
    },
    onError: (error) => errors.push((error as Error).message),
  });
  await vi.advanceTimersByTimeAsync(0);
  expect(errors).toEqual(["current"]);
});
