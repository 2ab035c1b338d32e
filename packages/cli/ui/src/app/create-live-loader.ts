import type { StoreEvents } from "../api/create-store-events.js";
import { createDebounced } from "./create-debounced.js";

/** A view's loading, started by {@link createLiveLoader}. */
export interface LiveLoader {
  /** Loads again now (aborting a load still in flight). */
  reload(): void;
  /** Aborts the load in flight and stops listening for `stored` events. */
  dispose(): void;
}

/**
 * Runs a view's `load` now and again after `stored` events (debounced by `waitMs`), one at a time: a newer
 * load aborts the older one, so a slow answer never paints over a newer one. `load` must check
 * `signal.aborted` after each await before it renders; errors of an aborted load are dropped, the others go to
 * `onError`.
 * @example
 * const loader = createLiveLoader({ events, waitMs: 1000, load: async (signal) => { ... }, onError: showError });
 * return { element, dispose: loader.dispose };
 */
export function createLiveLoader(options: {
  events: StoreEvents;
  waitMs: number;
  load: (signal: AbortSignal) => Promise<void>;
  onError: (error: unknown) => void;
}): LiveLoader {
  let controller: AbortController | undefined;

  async function run(): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    try {
      await options.load(current.signal);
    } catch (error) {
      if (!current.signal.aborted) options.onError(error);
    }
  }

  const refresh = createDebounced(() => void run(), options.waitMs);
  const unsubscribe = options.events.onStored(refresh);
  void run();
  return {
    reload: () => void run(),
    dispose() {
      controller?.abort();
      refresh.cancel();
      unsubscribe();
    },
  };
}
