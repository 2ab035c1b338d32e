import { diag } from "@opentelemetry/api";

/** Says export trouble once per episode, so a dead collector does not flood the log on every flush. */
export interface ExportReporter {
  /** An export request for `signal` failed with `reason`. */
  failed(signal: string, reason: string): void;
  /** An export request for `signal` succeeded (says so once after failures). */
  succeeded(signal: string): void;
  /** `count` spans were dropped because the queue was full. */
  dropped(count: number): void;
}

/**
 * Reports the first failure per signal through `diag.error` and `log`, its recovery, and the first
 * span drop of each run of drops; never throws, since it runs inside the user's `flush()`.
 */
export function createExportReporter(log: (message: string) => void): ExportReporter {
  const failing = new Map<string, number>();
  let dropping = false;
  const say = (message: string, toDiag: (message: string) => void) => {
    try {
      toDiag(`@sightline/edge: ${message}`);
      log(message);
    } catch {
      // A throwing log callback must not turn into a failed flush.
    }
  };
  return {
    failed(signal, reason) {
      const count = (failing.get(signal) ?? 0) + 1;
      failing.set(signal, count);
      if (count === 1)
        say(`exporting ${signal} failed: ${reason} (further failures are counted)`, diag.error);
    },
    succeeded(signal) {
      const count = failing.get(signal);
      if (count === undefined) return;
      failing.delete(signal);
      say(`exporting ${signal} works again after ${count} failed request(s)`, diag.warn);
    },
    dropped(count) {
      if (dropping) return;
      dropping = true;
      say(`span queue full: dropped ${count} span(s); flush more often or raise maxQueuedSpans`, diag.warn);
      queueMicrotask(() => {
        dropping = false;
      });
    },
  };
}
