import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { Operation, StreamOutcome } from "../operation/operation.js";
import { ChunkFlags, type StreamAccumulator } from "../operation/operation-shapes.js";
import { AbandonmentWatch, watchForAbandonment } from "./watch-for-abandonment.js";

/** Options of {@link followStream}. */
export interface FollowStreamOptions<Chunk> {
  /** The operation the stream belongs to. */
  operation: Operation;
  /** Creates the SDK's own iterator (e.g. the original `stream.iterator`). */
  iterate: () => AsyncIterator<Chunk>;
  /** Folds chunks into the response. */
  accumulator: StreamAccumulator<Chunk>;
  /** The SDK's abort signal for this request, so an abort ends the span at once. */
  signal?: AbortSignal;
  /** Milliseconds without activity after which the span ends as abandoned. */
  abandonedAfterMs: number;
}

/**
 * Follows a stream without buffering it: returns an iterator factory whose iterators hand every
 * chunk object to the caller as is (same object, same order) and look at it on the side. The
 * span ends exactly once: at the last chunk, on an error, when the caller breaks out (`return()`),
 * on abort, or after `abandonedAfterMs` of inactivity if the stream is never (fully) read.
 */
export function followStream<Chunk>(options: FollowStreamOptions<Chunk>): () => AsyncIterator<Chunk> {
  // The closures below live as long as the stream and capture what they use, never `options` (an object
  // literal whose allocation site V8 may pretenure: see `ParseState` in observe-api-promise.ts).
  const { operation, signal, iterate } = options;
  // Let go of once the stream has ended: a caller who keeps the SDK's stream object must not keep
  // what was gathered from its chunks too.
  let accumulator: StreamAccumulator<Chunk> | undefined = options.accumulator;
  let pending = 0;

  const end = (outcome: StreamOutcome, error?: unknown): void => {
    if (operation.isEnded) return;
    let response: ReturnType<StreamAccumulator<Chunk>["finish"]> | undefined;
    try {
      response = accumulator?.finish();
    } catch (finishError) {
      reportTelemetryError("finishing a stream's response", finishError);
    }
    accumulator = undefined;
    const reported = outcome === "completed" ? response?.streamError : undefined;
    if (reported) {
      // The SDK ended the stream normally after yielding an error event: the call still failed.
      const inBand = new Error(reported.message ?? reported.type);
      inBand.name = reported.type;
      operation.endStream("error", response, inBand);
      return;
    }
    operation.endStream(outcome, response, error);
  };
  const onAbort = (): void => {
    if (pending === 0) end("aborted");
  };
  if (signal) {
    signal.addEventListener("abort", onAbort, { once: true });
    // However the operation ends, the SDK's signal (which may outlive the call) lets go of it.
    operation.onEnd(() => signal.removeEventListener("abort", onAbort));
  }
  watchForAbandonment(
    new AbandonmentWatch(
      operation,
      () => pending > 0,
      () => end("abandoned"),
    ),
    options.abandonedAfterMs,
  );

  const onChunk = (chunk: Chunk): number => {
    const time = performance.now();
    operation.lastActivity = time;
    if (operation.chunkCount === 0) operation.firstChunkTime = time;
    operation.chunkCount++;
    let flags: number = ChunkFlags.None;
    try {
      if (accumulator) flags = accumulator.add(chunk);
    } catch (error) {
      reportTelemetryError("reading a stream chunk", error);
    }
    if (flags & ChunkFlags.Output) operation.markOutputChunk(time);
    return flags;
  };

  // Without hidden chunks the caller gets the SDK's own promise of each step and the step is observed by
  // a reaction registered first (so it still runs before the caller's): no derived promise, no extra
  // microtask per chunk. A hidden chunk needs the step replaced, so only then is the step chained.
  const observeFromSide = options.accumulator.mayHideChunks === false;

  return () => {
    const source = iterate();
    const onError = (error: unknown): never => {
      pending--;
      // The SDK aborts its own controller while cleaning up after a failure, so the signal alone
      // can't tell a caller's abort from a broken stream; the error's kind can.
      end(isAbortError(error) ? "aborted" : "error", error);
      throw error;
    };
    // Made once per iteration, not per chunk: the step handler is the same function for every chunk.
    const onStep = (
      result: IteratorResult<Chunk>,
    ): IteratorResult<Chunk> | Promise<IteratorResult<Chunk>> => {
      pending--;
      if (result.done) {
        end(signal?.aborted ? "aborted" : "completed");
        return result;
      }
      if (operation.isEnded) return result;
      return onChunk(result.value) & ChunkFlags.Hide && !observeFromSide ? observed.next() : result;
    };
    // The side reactions never throw: their promise is nobody's, so a throw would be an unhandled rejection.
    const onSideStep = (result: IteratorResult<Chunk>): void => {
      try {
        onStep(result);
      } catch (error) {
        reportTelemetryError("reading a stream chunk", error);
      }
    };
    const onSideError = (error: unknown): void => {
      try {
        onError(error);
      } catch {
        // The caller gets the same rejection from the SDK's own promise.
      }
    };
    const observed: AsyncIterator<Chunk> & AsyncIterable<Chunk> = {
      next() {
        // No timestamp here: while a step is pending the stream is busy, and each chunk stamps its arrival.
        pending++;
        let step: Promise<IteratorResult<Chunk>>;
        try {
          step = source.next();
        } catch (error) {
          return onError(error);
        }
        if (observeFromSide) {
          step.then(onSideStep, onSideError);
          return step;
        }
        return step.then(onStep, onError);
      },
      return(value?: unknown) {
        end("cancelled");
        if (typeof source.return === "function") return source.return(value);
        return Promise.resolve({ done: true, value } as IteratorResult<Chunk>);
      },
      throw(error?: unknown) {
        end("error", error);
        if (typeof source.throw === "function") return source.throw(error);
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]() {
        return observed;
      },
    };
    return observed;
  };
}

function isAbortError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === "AbortError" || error.constructor?.name === "APIUserAbortError";
}
