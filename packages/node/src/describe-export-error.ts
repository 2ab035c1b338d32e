// A collector's error body can be a whole HTML page; the start says what went wrong.
const LONGEST_DETAIL = 200;
// The OTLP exporter's words after retrying 429/502/503/504 until its timeout; it keeps no status code.
const RETRYABLE_STATUS_MESSAGE = "Export failed with retryable status";

/**
 * Says in a few words why an OTLP export failed: `ECONNREFUSED`, `HTTP 401 Unauthorized: {"error":…}`,
 * `Request timed out`. The text may hold what the server sent back; redact it before showing it.
 */
export function describeExportError(error: unknown): string {
  if (!(error instanceof Error)) return error === undefined ? "export failed" : shorten(String(error));
  const { code, data } = error as { code?: unknown; data?: unknown };
  // OTLPExporterError: an HTTP status, its reason phrase and the response body.
  if (typeof code === "number") {
    const reason = error.message === "" ? "" : ` ${error.message}`;
    const body = typeof data === "string" && data.trim() !== "" ? `: ${data}` : "";
    return shorten(`HTTP ${code}${reason}${body}`);
  }
  // A network error (ECONNREFUSED, ENOTFOUND, …); Node leaves the message empty when every address failed.
  if (typeof code === "string" && code !== "") return code;
  if (error.message === RETRYABLE_STATUS_MESSAGE) {
    return "the receiver kept answering 'retry later' (HTTP 429, 502, 503 or 504)";
  }
  return shorten(error.message === "" ? error.name : error.message);
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > LONGEST_DETAIL ? `${line.slice(0, LONGEST_DETAIL)}…` : line;
}
