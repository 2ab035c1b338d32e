import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { Operation } from "../operation/operation.js";

/**
 * Observes an ordinary promise (or any thenable) from the side: the caller keeps the original
 * object; the side chain handles its own rejection, so it adds no unhandled rejection of its own.
 * Use {@link observeApiPromise} for lazy SDK promises whose `then` has side effects.
 */
export function observePromise(
  value: PromiseLike<unknown>,
  options: { operation: Operation; onValue: (value: unknown) => void },
): void {
  const { operation } = options;
  Promise.resolve(value).then(
    (resolved) => {
      try {
        options.onValue(resolved);
      } catch (error) {
        reportTelemetryError("reading the response", error);
        operation.succeed({});
      }
    },
    (error: unknown) => operation.fail(error),
  );
}
