import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { Instrumentation } from "../operation/create-instrumentation.js";
import type { Operation } from "../operation/operation.js";
import type { StreamAccumulator } from "../operation/operation-shapes.js";
import { followStream } from "./follow-stream.js";

/** Options of {@link observePromisedStream}. */
export interface ObservePromisedStreamOptions {
  instrumentation: Instrumentation;
  /** What the SDK method returned: a promise of an async iterator (or generator). */
  result: unknown;
  operation: Operation;
  createAccumulator: () => StreamAccumulator<unknown>;
}

/**
 * For SDKs whose streaming method returns a plain promise of an async generator (e.g.
 * `@google/genai`): there is no iterator factory to replace and a generator's `next` cannot be
 * hooked from outside without changing the object, so this returns a promise of core's followed
 * iterator over the SDK's generator instead (same chunk objects, same order, `return()` passed
 * through so the SDK closes its generator, and the span ends once in every ending). A rejection is
 * passed through as the same error object.
 */
export function observePromisedStream(options: ObservePromisedStreamOptions): Promise<unknown> {
  // The callbacks live as long as the call and capture what they use, never `options` (see `ParseState` in
  // observe-api-promise.ts).
  const { operation, createAccumulator } = options;
  const abandonedAfterMs = options.instrumentation.config.abandonedAfterMs;
  return Promise.resolve(options.result).then(
    (iterator) => {
      if (typeof (iterator as AsyncIterator<unknown> | undefined)?.next !== "function") {
        operation.succeed({});
        return iterator;
      }
      try {
        const source = iterator as AsyncIterator<unknown>;
        return followStream({
          operation,
          iterate: () => source,
          accumulator: createAccumulator(),
          abandonedAfterMs,
        })();
      } catch (error) {
        reportTelemetryError("following a promised stream", error);
        operation.succeed({});
        return iterator;
      }
    },
    (error: unknown) => {
      operation.fail(error);
      throw error;
    },
  );
}
