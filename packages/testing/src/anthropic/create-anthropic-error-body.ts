/** Options for {@link createAnthropicErrorBody}. */
export interface CreateAnthropicErrorBodyOptions {
  /** HTTP status the error is sent with. */
  status: number;
  /** Human-readable message. */
  message: string;
}

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

/** The Anthropic error body, `{ type: "error", error: { type, message } }`, for an HTTP status. */
export function createAnthropicErrorBody(options: CreateAnthropicErrorBodyOptions): unknown {
  const type = ERROR_TYPES[options.status] ?? (options.status >= 500 ? "api_error" : "invalid_request_error");
  return { type: "error", error: { type, message: options.message } };
}
