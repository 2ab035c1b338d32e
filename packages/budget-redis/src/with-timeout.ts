/** Raised when a Redis command takes longer than `commandTimeoutMs`. */
class RedisCommandTimeoutError extends Error {
  constructor(milliseconds: number) {
    super(`Redis did not answer within ${milliseconds} ms`);
    this.name = "RedisCommandTimeoutError";
  }
}

/**
 * Settles with `promise`, or rejects after `milliseconds`, whichever is first. The late result of a
 * command that timed out is swallowed here, so it can never surface as an unhandled rejection.
 */
export function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new RedisCommandTimeoutError(milliseconds)), milliseconds);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
