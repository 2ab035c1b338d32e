/** What reading a stream gave. */
export interface DrainedStream {
  /** Every chunk, in order. */
  chunks: unknown[];
  /** The chunks' answer text, joined. */
  text: string;
  /** The error the iteration threw, if it threw. */
  error?: unknown;
}

/** Options of {@link drainStream}. */
export interface DrainStreamOptions {
  /** The answer text one chunk carries. */
  chunkText: (chunk: unknown) => string;
  /** Leaves the `for await` with `break` after this many chunks. Default: read to the end. */
  breakAfter?: number;
  /** Runs after each chunk is counted, with the number seen so far. */
  onChunk?: (seen: number) => void;
}

/** Reads a stream with `for await`, keeping what it yields and what it throws (never throws itself). */
export async function drainStream(
  stream: AsyncIterable<unknown>,
  options: DrainStreamOptions,
): Promise<DrainedStream> {
  const chunks: unknown[] = [];
  let text = "";
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += options.chunkText(chunk);
      options.onChunk?.(chunks.length);
      if (chunks.length === options.breakAfter) break;
    }
  } catch (error) {
    return { chunks, text, error };
  }
  return { chunks, text };
}

/** Resolves with the error a promise-like rejects with, or `undefined` when it fulfils. */
export async function catchError(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}
