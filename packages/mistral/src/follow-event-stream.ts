import {
  followStream,
  type Instrumentation,
  type Operation,
  type StreamAccumulator,
} from "@sightline/core/provider";

/** Options of {@link followEventStream}. */
export interface FollowEventStreamOptions {
  instrumentation: Instrumentation;
  /** What the SDK's stream method returned: a promise of its `EventStream`. */
  result: unknown;
  operation: Operation;
  createAccumulator: () => StreamAccumulator<unknown>;
  /** The request's abort signal (`fetchOptions.signal`), so an abort ends the span at once. */
  signal?: AbortSignal;
}

type IterableStream = Record<PropertyKey, unknown> & {
  [Symbol.asyncIterator]: (options?: unknown) => AsyncIterator<unknown>;
};

/**
 * `@mistralai/mistralai` 2.x streams are an `EventStream`: a web `ReadableStream` of `{ data: chunk }`
 * events, read with `for await`. The caller keeps that very object: its async iterator (and `values()`,
 * the same thing by another name) is replaced on the instance by a followed one, so each event is the
 * SDK's own object, seen once on the side, and the span ends once however the loop ends. Reading it
 * through `getReader()`, `tee()` or `pipeTo()` instead is not followed: the span then ends as abandoned
 * after the abandonment delay (docs/mistral.md).
 */
export function followEventStream(options: FollowEventStreamOptions): void {
  const { instrumentation, operation } = options;
  Promise.resolve(options.result).then(
    (value) => {
      if (!isIterableStream(value)) {
        operation.succeed({});
        return;
      }
      const original = value[Symbol.asyncIterator];
      const iterate = followStream({
        operation,
        iterate: () => original.call(value),
        accumulator: options.createAccumulator(),
        signal: options.signal,
        abandonedAfterMs: instrumentation.config.abandonedAfterMs,
      });
      const followed = function followedIterator(): AsyncIterator<unknown> & AsyncIterable<unknown> {
        const iterator = iterate();
        return Object.assign(iterator, {
          [Symbol.asyncIterator]() {
            return iterator;
          },
        });
      };
      for (const key of [Symbol.asyncIterator, "values"] as const) {
        Object.defineProperty(value, key, { value: followed, writable: true, configurable: true });
      }
    },
    (error: unknown) => operation.fail(error),
  );
}

function isIterableStream(value: unknown): value is IterableStream {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as IterableStream)[Symbol.asyncIterator] === "function"
  );
}
