/** Options for {@link createOpenAIErrorBody}. */
export interface CreateOpenAIErrorBodyOptions {
  /** HTTP status the error is sent with. */
  status: number;
  /** Human-readable message. */
  message: string;
}

const ERROR_KINDS: Record<number, { type: string; code: string | null }> = {
  400: { type: "invalid_request_error", code: null },
  401: { type: "invalid_request_error", code: "invalid_api_key" },
  403: { type: "invalid_request_error", code: "unsupported_country_region_territory" },
  404: { type: "invalid_request_error", code: "unknown_url" },
  429: { type: "requests", code: "rate_limit_exceeded" },
  500: { type: "server_error", code: null },
  503: { type: "server_error", code: "service_unavailable" },
};

/** The OpenAI error body, `{ error: { message, type, param, code } }`, for an HTTP status. */
export function createOpenAIErrorBody(options: CreateOpenAIErrorBodyOptions): unknown {
  const kind = ERROR_KINDS[options.status] ?? {
    type: options.status >= 500 ? "server_error" : "invalid_request_error",
    code: null,
  };
  return { error: { message: options.message, type: kind.type, param: null, code: kind.code } };
}
