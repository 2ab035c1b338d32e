import {
  followStream,
  type Instrumentation,
  type Operation,
  reportTelemetryError,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { readStatusCode } from "./read-status-code.js";

/** What Sightline reads of the SDK's `AbortableAsyncIterator` (ollama 0.6). */
interface AbortableIteratorLike {
  abortController?: AbortController;
  [Symbol.asyncIterator]: () => AsyncIterator<unknown>;
}

/**
 * Follows a streamed `chat`/`generate` in place: the caller gets the SDK's own
 * `AbortableAsyncIterator` (same object, so `abort()`, `instanceof` and the client's `abort()` keep
 * working), whose async iterator is replaced by core's followed one over the original. Its abort
 * controller's signal ends the span as aborted. Returns a promise of that same object; a rejection is
 * the SDK's own error.
 */
export function followAbortableStream(options: {
  instrumentation: Instrumentation;
  result: unknown;
  operation: Operation;
  createAccumulator: () => StreamAccumulator<unknown>;
}): Promise<unknown> {
  const { instrumentation, operation } = options;
  return Promise.resolve(options.result).then(
    (value) => {
      const stream = value as AbortableIteratorLike | undefined;
      const iterate = stream?.[Symbol.asyncIterator];
      if (typeof iterate !== "function") {
        operation.succeed({});
        return value;
      }
      try {
        const signal = stream?.abortController?.signal;
        const followed = followStream({
          operation,
          iterate: () => iterate.call(stream),
          accumulator: options.createAccumulator(),
          signal: signal instanceof AbortSignal ? signal : undefined,
          abandonedAfterMs: instrumentation.config.abandonedAfterMs,
        });
        Object.defineProperty(stream, Symbol.asyncIterator, {
          value: followed,
          configurable: true,
          writable: true,
          enumerable: false,
        });
      } catch (error) {
        reportTelemetryError("following an Ollama stream", error);
        operation.succeed({});
      }
      return value;
    },
    (error: unknown) => {
      operation.noteStatusCode(readStatusCode(error));
      operation.fail(error);
      throw error;
    },
  );
}
