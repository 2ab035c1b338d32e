import type { IncomingMessage, ServerResponse } from "node:http";
import type { DevStore } from "../store/types.js";
import type { EventStreams } from "./create-event-stream.js";
import {
  checkKnownParameters,
  parseOverviewQuery,
  parseTraceListQuery,
  QueryParameterError,
} from "./parse-api-query.js";
import { queryConversationDetail, queryConversationList } from "./query-conversations.js";
import { queryOverview } from "./query-overview.js";
import { queryTraceDetail } from "./query-trace-detail.js";
import { queryTraceList } from "./query-trace-list.js";

const TRACE_LIST_PARAMETERS = [
  "service",
  "model",
  "provider",
  "feature",
  "conversation",
  "errors",
  "minDurationMs",
  "maxDurationMs",
  "minCostUsd",
  "maxCostUsd",
  "since",
  "until",
  "q",
  "limit",
  "before",
] as const;

/**
 * Answers `/api/*` from the store: GET (and HEAD) only, JSON with `cache-control: no-store`, 400 naming
 * the bad query parameter, 404 for unknown paths and ids, 405 for other methods.
 */
export function handleApiRequest(options: {
  request: IncomingMessage;
  response: ServerResponse;
  store: DevStore;
  streams: EventStreams;
}): void {
  const { request, response, store } = options;
  const url = new URL(request.url ?? "/", "http://localhost");
  if (request.method !== "GET" && request.method !== "HEAD") {
    request.resume();
    return sendJson({
      response,
      status: 405,
      body: { error: `${request.method} is not allowed on /api; use GET` },
      allow: true,
    });
  }
  const parameters = url.searchParams;
  const segments = url.pathname.split("/").slice(2).map(decodeSegment);
  try {
    // Queries read the store as written: flush first, so an export answered 200 is visible at once.
    store.flush();
    const [resource, id, extra] = segments;
    if (extra !== undefined || id === "") return notFound({ response, path: url.pathname });
    if (resource === "traces" && id === undefined) {
      checkKnownParameters({ parameters, known: TRACE_LIST_PARAMETERS });
      return sendJson({
        response,
        body: queryTraceList({ database: store.database, query: parseTraceListQuery(parameters) }),
      });
    }
    if (resource === "traces" && id !== undefined) {
      checkKnownParameters({ parameters, known: [] });
      const detail = queryTraceDetail({ database: store.database, traceId: id.toLowerCase() });
      return detail
        ? sendJson({ response, body: detail })
        : notFound({ response, path: url.pathname, what: `trace ${id}` });
    }
    if (resource === "conversations" && id === undefined) {
      checkKnownParameters({ parameters, known: [] });
      return sendJson({ response, body: queryConversationList(store.database) });
    }
    if (resource === "conversations" && id !== undefined) {
      checkKnownParameters({ parameters, known: [] });
      const detail = queryConversationDetail({ database: store.database, conversationId: id });
      return detail
        ? sendJson({ response, body: detail })
        : notFound({ response, path: url.pathname, what: `conversation ${id}` });
    }
    if (resource === "overview" && id === undefined) {
      checkKnownParameters({ parameters, known: ["since", "until", "buckets"] });
      return sendJson({
        response,
        body: queryOverview({ database: store.database, query: parseOverviewQuery(parameters) }),
      });
    }
    if (resource === "status" && id === undefined) {
      checkKnownParameters({ parameters, known: [] });
      return sendJson({ response, body: store.status() });
    }
    if (resource === "stream" && id === undefined) {
      if (request.method === "HEAD") return sendJson({ response, body: {} });
      return options.streams.open(response);
    }
    return notFound({ response, path: url.pathname });
  } catch (error) {
    if (error instanceof QueryParameterError)
      return sendJson({ response, status: 400, body: { error: error.message } });
    if (error instanceof URIError)
      return sendJson({ response, status: 400, body: { error: "the path is not valid percent-encoding" } });
    return sendJson({
      response,
      status: 500,
      body: { error: `the store could not answer: ${(error as Error).message}` },
    });
  }
}

function decodeSegment(segment: string): string {
  return decodeURIComponent(segment);
}

function notFound(options: { response: ServerResponse; path: string; what?: string }): void {
  sendJson({
    response: options.response,
    status: 404,
    body: { error: options.what ? `no ${options.what} in the store` : `no API at ${options.path}` },
  });
}

/** Sends a JSON answer with the headers every API answer carries. */
export function sendJson(options: {
  response: ServerResponse;
  status?: number;
  body: unknown;
  allow?: boolean;
}): void {
  const { response } = options;
  if (response.headersSent) return;
  const text = JSON.stringify(options.body);
  response.writeHead(options.status ?? 200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...(options.allow ? { allow: "GET, HEAD" } : {}),
  });
  response.end(text);
}
