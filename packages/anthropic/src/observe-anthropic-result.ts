import {
  followStream,
  type GenAIResponse,
  type Instrumentation,
  type Operation,
  observeApiPromise,
  observePromise,
  type StreamAccumulator,
} from "@sightline/core";

/** The part of the SDK's `Stream` class that Sightline hooks (the same in 0.x and 1.x). */
interface SdkStream {
  iterator: () => AsyncIterator<unknown>;
  controller?: { signal?: AbortSignal };
}

/**
 * Observes what a Messages method returned: the SDK's lazy `APIPromise` (the very object the
 * caller gets, so `withResponse()`, `asResponse()` and `parse()` keep working), resolving to a
 * body or to an SDK `Stream`. A stream is observed by replacing its `iterator` factory, which
 * `for await`, `tee()`, `toReadableStream()` and the `messages.stream()` helper all read through.
 * Same Stainless shape as the openai SDK, so the same core pieces do the work.
 */
export function observeAnthropicResult(options: {
  instrumentation: Instrumentation;
  result: unknown;
  operation: Operation;
  mapResponse: (body: unknown) => GenAIResponse;
  createAccumulator?: () => StreamAccumulator<unknown>;
}): void {
  const { instrumentation, operation, mapResponse, createAccumulator } = options;
  const abandonedAfterMs = instrumentation.config.abandonedAfterMs;
  const onValue = (value: unknown): void => {
    if (createAccumulator && isSdkStream(value)) {
      value.iterator = followStream({
        operation,
        iterate: value.iterator.bind(value),
        accumulator: createAccumulator(),
        signal: value.controller?.signal,
        abandonedAfterMs,
      });
      return;
    }
    operation.succeed(mapResponse(value));
  };
  if (observeApiPromise(options.result, { operation, onValue, abandonedAfterMs })) return;
  if (typeof (options.result as PromiseLike<unknown> | undefined)?.then === "function") {
    observePromise(options.result as PromiseLike<unknown>, { operation, onValue });
    return;
  }
  onValue(options.result);
}

function isSdkStream(value: unknown): value is SdkStream {
  return typeof value === "object" && value !== null && typeof (value as SdkStream).iterator === "function";
}
