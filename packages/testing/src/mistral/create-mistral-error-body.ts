/** Options for {@link createMistralErrorBody}. */
export interface CreateMistralErrorBodyOptions {
  /** HTTP status the error is sent with. */
  status: number;
  /** Human-readable message. */
  message: string;
}

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  422: "invalid_request_error",
  429: "rate_limited",
  500: "internal_server_error",
  503: "service_unavailable",
};

/**
 * The Mistral API error body, `{ object: "error", message, type, param, code }`, for an HTTP status
 * (La Plateforme answers 4xx and 5xx with this shape; `code` is a string or null).
 */
export function createMistralErrorBody(options: CreateMistralErrorBodyOptions): unknown {
  const type =
    ERROR_TYPES[options.status] ??
    (options.status >= 500 ? "internal_server_error" : "invalid_request_error");
  return { object: "error", message: options.message, type, param: null, code: String(options.status) };
}
