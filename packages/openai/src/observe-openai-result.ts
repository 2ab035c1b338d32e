import {
  followStream,
  type GenAIResponse,
  type Instrumentation,
  type Operation,
  observeApiPromise,
  observePromise,
  type StreamAccumulator,
} from "@sightline/core";

/** The part of the SDK's `Stream` class that Sightline hooks (the same in openai 5.x–7.x). */
interface SdkStream {
  iterator: () => AsyncIterator<unknown>;
  controller?: { signal?: AbortSignal };
}

/**
 * Observes what an OpenAI method returned: the SDK's lazy `APIPromise` (kept as the very object
 * the caller gets), resolving either to a body or to an SDK `Stream`. A stream is observed by
 * replacing its `iterator` factory, which every way of reading it goes through — `for await`,
 * `tee()`, `toReadableStream()` and the SDK's stream helpers — so the caller keeps the SDK's
 * own object and each chunk is seen once.
 */
export function observeOpenAIResult(options: {
  instrumentation: Instrumentation;
  result: unknown;
  operation: Operation;
  mapResponse: (body: unknown) => GenAIResponse;
  createAccumulator?: () => StreamAccumulator<unknown>;
}): void {
  const { instrumentation, operation, mapResponse, createAccumulator } = options;
  const onValue = (value: unknown): void => {
    if (createAccumulator && isSdkStream(value)) {
      value.iterator = followStream({
        operation,
        iterate: value.iterator.bind(value),
        accumulator: createAccumulator(),
        signal: value.controller?.signal,
        abandonedAfterMs: instrumentation.config.abandonedAfterMs,
      });
      return;
    }
    operation.succeed(mapResponse(value));
  };
  const abandonedAfterMs = instrumentation.config.abandonedAfterMs;
  if (observeApiPromise(options.result, { operation, onValue, abandonedAfterMs })) return;
  if (isThenable(options.result)) {
    observePromise(options.result, { operation, onValue });
    return;
  }
  onValue(options.result);
}

function isSdkStream(value: unknown): value is SdkStream {
  return typeof value === "object" && value !== null && typeof (value as SdkStream).iterator === "function";
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === "function";
}
