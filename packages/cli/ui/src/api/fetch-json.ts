/** A failed API call, with a message meant for the page. */
export class ApiError extends Error {
  /** HTTP status, 0 when the server could not be reached. */
  readonly status: number;
  constructor(options: { message: string; status: number }) {
    super(options.message);
    this.name = "ApiError";
    this.status = options.status;
  }
}

/**
 * GETs a JSON answer of `sightline dev`'s API. Network failures, non-2xx answers (their `{ error }`
 * message included) and non-JSON bodies become an {@link ApiError}; an abort rejects as the abort.
 * @example const status = await fetchJson<StoreStatusResponse>("/api/status");
 */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ message: `cannot reach sightline dev (${String(error)})`, status: 0 });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const detail =
      typeof body === "object" && body !== null && typeof (body as { error?: unknown }).error === "string"
        ? (body as { error: string }).error
        : text.slice(0, 200) || response.statusText;
    throw new ApiError({
      message: `${path.split("?")[0]} answered ${response.status}: ${detail}`,
      status: response.status,
    });
  }
  if (body === undefined)
    throw new ApiError({ message: `${path.split("?")[0]} did not answer JSON`, status: response.status });
  return body as T;
}

/** `?a=1&b=x` from the defined, non-empty values of a record; `""` when there are none. */
export function toQueryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}
