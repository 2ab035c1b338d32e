/** Options for {@link createGeminiErrorBody}. */
export interface CreateGeminiErrorBodyOptions {
  /** HTTP status the error is sent with. */
  status: number;
  /** Human-readable message. */
  message: string;
}

const STATUSES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

/** The Google API error body, `{ error: { code, message, status } }`, for an HTTP status. */
export function createGeminiErrorBody(options: CreateGeminiErrorBodyOptions): unknown {
  const status = STATUSES[options.status] ?? (options.status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION");
  return { error: { code: options.status, message: options.message, status } };
}
