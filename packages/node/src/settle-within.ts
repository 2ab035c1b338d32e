/** How a piece of work ended, or that it did not end in time. */
export type Settlement =
  | { status: "fulfilled" }
  | { status: "rejected"; reason: unknown }
  | { status: "timed-out" };

/**
 * Waits for `work` at most `timeoutMs`. Never rejects. The timer keeps the process alive while the work
 * runs, never longer than `timeoutMs`, and is cleared as soon as the work settles: the exporters'
 * sockets and the batch processor's timers are unref'd (see createExportAgent), so during a flush at
 * exit this timer is what keeps the process up until the flush is done.
 */
export function settleWithin(options: {
  work: () => Promise<unknown>;
  timeoutMs: number;
}): Promise<Settlement> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ status: "timed-out" }), options.timeoutMs);
    Promise.resolve()
      .then(options.work)
      .then(
        () => resolve({ status: "fulfilled" }),
        (reason: unknown) => resolve({ status: "rejected", reason }),
      )
      .finally(() => clearTimeout(timer));
  });
}
