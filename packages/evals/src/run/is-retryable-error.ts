/** Network error codes worth another attempt. */
const RETRYABLE_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * Whether a target's error is transient: HTTP 408, 409, 429 or 5xx (the `status` the provider SDKs put on
 * their errors), a provider SDK's connection error, or a network error code. Bad requests, auth errors and
 * the target's own bugs are not: retrying them would only repeat the failure.
 */
export function isRetryableError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const record = error as {
    status?: unknown;
    statusCode?: unknown;
    name?: unknown;
    code?: unknown;
    cause?: unknown;
  };
  const status = typeof record.status === "number" ? record.status : record.statusCode;
  if (typeof status === "number") return status === 408 || status === 409 || status === 429 || status >= 500;
  if (record.name === "APIConnectionError" || record.name === "APIConnectionTimeoutError") return true;
  if (typeof record.code === "string" && RETRYABLE_CODES.has(record.code)) return true;
  return record.cause !== undefined && record.cause !== error ? isRetryableError(record.cause) : false;
}

/**
 * Default wait before retry `attempt` (2, 3, …): the error's `retry-after` header in seconds when present
 * (at most 30 s), else 500 ms · 2^(attempt − 2) with ±50% jitter, at most 8 s.
 */
export function getRetryDelayMs(attempt: number, error: unknown): number {
  const retryAfter = readRetryAfterSeconds(error);
  if (retryAfter !== undefined) return Math.min(30_000, retryAfter * 1000);
  const base = Math.min(8000, 500 * 2 ** Math.max(0, attempt - 2));
  return base * (0.5 + Math.random() * 0.5);
}

function readRetryAfterSeconds(error: unknown): number | undefined {
  const headers = (error as { headers?: unknown } | null)?.headers;
  let value: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === "function") {
    value = (headers as { get(name: string): unknown }).get("retry-after");
  } else if (headers && typeof headers === "object") {
    value = (headers as Record<string, unknown>)["retry-after"];
  }
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
