import type { Operation } from "./operation.js";

/** What the watchdog needs to know about the thing it watches. */
export interface AbandonmentTarget {
  operation: Operation;
  /** True while the watched code is waiting on the network (not abandoned, just slow). */
  isBusy(): boolean;
  /** Ends the operation as abandoned. */
  abandon(): void;
}

/**
 * Ends an operation nobody drives any more: one timer per watched call, re-armed from the
 * operation's last activity instead of being reset on every chunk, so the hot path only writes a
 * timestamp. Unref'd where the runtime allows, so it never keeps a process alive.
 */
export function watchForAbandonment(target: AbandonmentTarget, afterMs: number): void {
  if (!(afterMs > 0) || !Number.isFinite(afterMs)) return;
  const check = (): void => {
    const { operation } = target;
    if (operation.isEnded) return;
    const idleMs = performance.now() - operation.lastActivity;
    if (!target.isBusy() && idleMs >= afterMs) {
      target.abandon();
      return;
    }
    schedule(target.isBusy() ? afterMs : afterMs - idleMs);
  };
  const schedule = (delayMs: number): void => {
    const timer = setTimeout(check, Math.max(1, delayMs)) as unknown as { unref?: () => void };
    timer.unref?.();
  };
  schedule(afterMs);
}
