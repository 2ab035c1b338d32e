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
  const { request, response } = options;
  if (request.method !== "GET" && request.method !== "HEAD") {
    request.resume();
    sendJson({
      response,
      status: 405,
      body: { error: `${request.method} is not allowed on /api; use GET` },
      allow: true,
    });
    return;
  }
  let answer: ApiAnswer | "stream";
  try {
    answer = routeApiRequest({ request, store: options.store });
  } catch (error) {
    answer =
      error instanceof QueryParameterError
        ? { status: 400, body: { error: error.message } }
        : error instanceof URIError
          ? { status: 400, body: { error: "the path is not valid percent-encoding" } }
          : { status: 500, body: { error: `the store could not answer: ${(error as Error).message}` } };
  }
  if (answer === "stream") options.streams.open(response);
  else sendJson({ response, ...answer });
}

interface ApiAnswer {
  status: number;
  body: unknown;
}

function routeApiRequest(options: { request: IncomingMessage; store: DevStore }): ApiAnswer | "stream" {
  const { store } = options;
  const { database } = store;
  const url = new URL(options.request.url ?? "/", "http://localhost");
  const parameters = url.searchParams;
  const [resource, id, extra] = url.pathname.split("/").slice(2).map(decodeSegment);
  const found = (body: unknown, what: string): ApiAnswer =>
    body === undefined ? { status: 404, body: { error: `no ${what} in the store` } } : { status: 200, body };
  if (extra !== undefined || id === "") return { status: 404, body: { error: `no API at ${url.pathname}` } };
  if (resource === "stream" && id === undefined) {
    return options.request.method === "HEAD" ? { status: 200, body: {} } : "stream";
  }
  // Queries read the store as written: flush first, so an export answered 200 is visible at once.
  store.flush();
  if (resource === "traces" && id === undefined) {
    checkKnownParameters({ parameters, known: TRACE_LIST_PARAMETERS });
    return { status: 200, body: queryTraceList({ database, query: parseTraceListQuery(parameters) }) };
  }
  if (resource === "overview" && id === undefined) {
    checkKnownParameters({ parameters, known: ["since", "until", "buckets"] });
    return { status: 200, body: queryOverview({ database, query: parseOverviewQuery(parameters) }) };
  }
  checkKnownParameters({ parameters, known: [] });
  if (resource === "traces" && id !== undefined) {
    return found(queryTraceDetail({ database, traceId: id.toLowerCase() }), `trace ${id}`);
  }
  if (resource === "conversations" && id === undefined)
    return { status: 200, body: queryConversationList(database) };
  if (resource === "conversations" && id !== undefined) {
    return found(queryConversationDetail({ database, conversationId: id }), `conversation ${id}`);
  }
  if (resource === "status" && id === undefined) return { status: 200, body: store.status() };
  return { status: 404, body: { error: `no API at ${url.pathname}` } };
}

function decodeSegment(segment: string): string {
  return decodeURIComponent(segment);
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
