import type { Operation } from "../operation/operation.js";

/** What the watchdog needs to know about the thing it watches. */
export interface AbandonmentTarget {
  operation: Operation;
  /** True while the watched code is waiting on the network (not abandoned, just slow). */
  isBusy(): boolean;
  /** Ends the operation as abandoned. */
  abandon(): void;
}

/**
 * An {@link AbandonmentTarget} made by a constructor: it lives as long as the call, and a literal's allocation
 * site may be pretenured by V8 (see `ParseState` in observe-api-promise.ts for why that matters).
 */
export class AbandonmentWatch implements AbandonmentTarget {
  constructor(
    readonly operation: Operation,
    readonly isBusy: () => boolean,
    readonly abandon: () => void,
  ) {}
}

/**
 * Ends an operation nobody drives any more: one timer per watched call, re-armed from the
 * operation's last activity instead of being reset on every chunk, so the hot path only writes a
 * timestamp. Unref'd where the runtime allows, so it never keeps a process alive. The timer is
 * cleared the moment the operation ends, whichever way it ends: a pending timer holds the
 * operation and everything its closures reach (the stream's accumulator, the request), so leaving
 * it to run out would keep every finished call in memory for `afterMs`.
 */
export function watchForAbandonment(target: AbandonmentTarget, afterMs: number): void {
  if (!(afterMs > 0) || !Number.isFinite(afterMs)) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    timer = undefined;
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
    timer = setTimeout(check, Math.max(1, delayMs));
    (timer as unknown as { unref?: () => void }).unref?.();
  };
  if (target.operation.isEnded) return;
  schedule(afterMs);
  target.operation.onEnd(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  });
}
