/** A hash route of the UI. */
export type Route =
  | { view: "traces"; params: URLSearchParams }
  | { view: "trace"; traceId: string; params: URLSearchParams }
  | { view: "conversations"; params: URLSearchParams }
  | { view: "conversation"; conversationId: string; params: URLSearchParams }
  | { view: "overview"; params: URLSearchParams }
  | { view: "not-found"; path: string; params: URLSearchParams };

/**
 * Reads `location.hash`: `#/`, `#/trace/<id>`, `#/conversations`, `#/conversation/<id>`, `#/overview`,
 * each with an optional `?query`. Hash routing keeps `/` the only page the server has to know.
 * @example parseRoute("#/trace/abc?span=01"); // { view: "trace", traceId: "abc", params: span=01 }
 */
export function parseRoute(hash: string): Route {
  const withoutMark = hash.startsWith("#") ? hash.slice(1) : hash;
  const queryAt = withoutMark.indexOf("?");
  const path = queryAt === -1 ? withoutMark : withoutMark.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? "" : withoutMark.slice(queryAt + 1));
  const segments = path.split("/").filter((segment) => segment !== "");
  const [first, second] = segments;
  if (segments.length === 0) return { view: "traces", params };
  if (first === "trace" && second !== undefined && segments.length === 2)
    return { view: "trace", traceId: decodeSegment(second), params };
  if (first === "conversations" && segments.length === 1) return { view: "conversations", params };
  if (first === "conversation" && second !== undefined && segments.length === 2)
    return { view: "conversation", conversationId: decodeSegment(second), params };
  if (first === "overview" && segments.length === 1) return { view: "overview", params };
  return { view: "not-found", path, params };
}

/** `#/trace/<id>`, with the selected span when given. */
export function traceHref(traceId: string, spanId?: string): string {
  const base = `#/trace/${encodeURIComponent(traceId)}`;
  return spanId === undefined ? base : `${base}?span=${encodeURIComponent(spanId)}`;
}

/** `#/conversation/<id>`. */
export function conversationHref(conversationId: string): string {
  return `#/conversation/${encodeURIComponent(conversationId)}`;
}

/** Rewrites the hash's query without a new history entry or a re-render (filters, selection). */
export function replaceHashQuery(params: URLSearchParams): void {
  const path = location.hash.split("?", 1)[0] || "#/";
  const query = params.toString();
  history.replaceState(null, "", query === "" ? path : `${path}?${query}`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
