/** A debounced call with a way to cancel it. */
export interface Debounced {
  (): void;
  cancel(): void;
}

/**
 * Runs `action` once `waitMs` after the last call (a burst of `stored` events makes one refetch).
 * @example const refresh = createDebounced(load, 500); events.onStored(refresh);
 */
export function createDebounced(action: () => void, waitMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      action();
    }, waitMs);
  }) as Debounced;
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}
