import { followStream, type Instrumentation, type Operation, reportTelemetryError } from "@sightline/core";
import { createGenerateContentStreamAccumulator } from "./create-generate-content-stream-accumulator.js";

/**
 * `models.generateContentStream` returns a plain `Promise` of an `AsyncGenerator`, not a Stainless
 * `APIPromise` of a `Stream` with an `iterator` factory: there is no iterator factory to replace
 * and a generator's `next` cannot be hooked from outside without changing the object. So, unlike
 * the other wrappers, this one returns its own promise, resolving to core's followed iterator over
 * the SDK's generator (same chunk objects, same order, `return()` passed through so the SDK's
 * generator is closed, and the span ends once in every ending). A rejection is passed through as
 * the same error object.
 */
export function observeGenerateContentStream(options: {
  instrumentation: Instrumentation;
  result: unknown;
  operation: Operation;
}): Promise<unknown> {
  const { instrumentation, operation } = options;
  return Promise.resolve(options.result).then(
    (generator) => {
      if (typeof (generator as AsyncIterator<unknown> | undefined)?.next !== "function") {
        operation.succeed({});
        return generator;
      }
      try {
        const source = generator as AsyncGenerator<unknown>;
        const iterate = followStream({
          operation,
          iterate: () => source,
          accumulator: createGenerateContentStreamAccumulator({
            captureContent: instrumentation.config.captureContent,
            maxContentLength: instrumentation.config.contentMaxBytes,
          }),
          abandonedAfterMs: instrumentation.config.abandonedAfterMs,
        });
        return iterate();
      } catch (error) {
        reportTelemetryError("following a generateContent stream", error);
        operation.succeed({});
        return generator;
      }
    },
    (error: unknown) => {
      operation.fail(error);
      throw error;
    },
  );
}
