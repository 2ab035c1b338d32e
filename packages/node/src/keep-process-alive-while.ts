/**
 * Keeps the process alive while `work` runs, never longer than `timeoutMs`. The exporters' sockets and
 * the processors' own timers are unref'd so that a script whose work is done is not held up by an export
 * in flight; but then an app that awaits `shutdown()` or `forceFlush()` itself (its own NodeSDK given
 * `createSightlineExport()`'s pieces, at the end of a script) had nothing keeping the event loop up:
 * Node ended the process mid-export (exit code 13, "unsettled top-level await") and the spans were lost.
 * This ref'd timer is the bound: an explicit flush or shutdown keeps the process up until it is done or
 * `timeoutMs` has passed, whichever comes first.
 */
export async function keepProcessAliveWhile<T>(options: {
  work: () => Promise<T>;
  timeoutMs: number;
}): Promise<T> {
  const timer = setTimeout(() => {}, options.timeoutMs);
  try {
    return await options.work();
  } finally {
    clearTimeout(timer);
  }
}
