const BRAND = Symbol.for("sightline.error");

/**
 * Base class of every error Sightline itself throws (configuration errors, refused calls).
 * Errors from providers are never wrapped: they reach the caller as the same object.
 */
export class SightlineError extends Error {
  constructor(options: { message: string; cause?: unknown; name?: string }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = options.name ?? "SightlineError";
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for any SightlineError, even one from another copy of this package. */
  static isInstance(value: unknown): value is SightlineError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
