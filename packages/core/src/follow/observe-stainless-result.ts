import type { Instrumentation } from "../operation/create-instrumentation.js";
import type { Operation } from "../operation/operation.js";
import type { GenAIResponse, StreamAccumulator } from "../operation/operation-shapes.js";
import { followStream } from "./follow-stream.js";
import { observeApiPromise } from "./observe-api-promise.js";
import { observePromise } from "./observe-promise.js";

/** The part of a Stainless SDK's `Stream` class that Sightline hooks (openai 5–7, @anthropic-ai/sdk 0.x–1.x). */
interface StainlessStream {
  iterator: () => AsyncIterator<unknown>;
  controller?: { signal?: AbortSignal };
}

/** Options of {@link observeStainlessResult}. */
export interface ObserveStainlessResultOptions {
  instrumentation: Instrumentation;
  /** What the SDK method returned. */
  result: unknown;
  operation: Operation;
  /** Maps a parsed body. */
  mapResponse: (body: unknown) => GenAIResponse;
  /** Creates the accumulator for a streamed result; absent for methods that never stream. */
  createAccumulator?: () => StreamAccumulator<unknown>;
}

/**
 * Observes what a method of a Stainless-generated SDK (openai, @anthropic-ai/sdk) returned: the
 * SDK's lazy `APIPromise`, kept as the very object the caller gets (so `withResponse()`,
 * `asResponse()` and `parse()` keep working), resolving to a body or to an SDK `Stream`. A stream
 * is observed by replacing its `iterator` factory, which `for await`, `tee()`,
 * `toReadableStream()` and the SDKs' stream helpers all read through, so each chunk is the SDK's
 * own object, seen once.
 */
export function observeStainlessResult(options: ObserveStainlessResultOptions): void {
  const { instrumentation, operation, mapResponse, createAccumulator } = options;
  const abandonedAfterMs = instrumentation.config.abandonedAfterMs;
  const onValue = (value: unknown): void => {
    if (createAccumulator && isStainlessStream(value)) {
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

function isStainlessStream(value: unknown): value is StainlessStream {
  return (
    typeof value === "object" && value !== null && typeof (value as StainlessStream).iterator === "function"
  );
}
