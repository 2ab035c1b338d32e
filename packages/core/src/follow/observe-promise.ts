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
  // The callbacks live as long as the call and capture what they use, never `options`: V8 may pretenure the
  // literal it comes as (see `ParseState` in observe-api-promise.ts).
  const { operation, onValue } = options;
  Promise.resolve(value).then(
    (resolved) => {
      try {
        onValue(resolved);
      } catch (error) {
        reportTelemetryError("reading the response", error);
        operation.succeed({});
      }
    },
    (error: unknown) => operation.fail(error),
  );
}
