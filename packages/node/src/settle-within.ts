/** How a piece of work ended, or that it did not end in time. */
export type Settlement =
  | { status: "fulfilled" }
  | { status: "rejected"; reason: unknown }
  | { status: "timed-out" };

/**
 * Waits for `work` at most `timeoutMs`. Never rejects. The timer is unref'd: on its own it never keeps
 * a process alive, and it is cleared as soon as the work settles.
 */
export function settleWithin(options: {
  work: () => Promise<unknown>;
  timeoutMs: number;
}): Promise<Settlement> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ status: "timed-out" }), options.timeoutMs);
    timer.unref();
    Promise.resolve()
      .then(options.work)
      .then(
        () => resolve({ status: "fulfilled" }),
        (reason: unknown) => resolve({ status: "rejected", reason }),
      )
      .finally(() => clearTimeout(timer));
  });
}
