import type { ServerResponse } from "node:http";
import type { MockScript, RecordedRequest } from "./types.js";

/** Everything a provider route needs to answer one request. */
export interface MockRouteContext {
  /** The recorded request (its `body` is parsed JSON when possible). */
  request: RecordedRequest;
  /** The script for this request (`{}` when the queue was empty). */
  script: MockScript;
  /** The Node response to write to. */
  response: ServerResponse;
  /** A per-server counter, increasing by one per request, for deterministic ids. */
  sequence: number;
  /** Aborted when the client goes away or the server closes; pacing waits stop on it. */
  signal: AbortSignal;
}

/** One endpoint of a provider's wire format. */
export interface MockRoute {
  /** HTTP method, upper case. */
  method: string;
  /** Whether this route answers the path (without the query string). */
  matches: (path: string) => boolean;
  /** Writes the whole answer. A script `status` or `delayMs` is handled by the server before this runs. */
  handle: (context: MockRouteContext) => Promise<void> | void;
}

/** A provider's wire format: its routes and its error body. One module per provider. */
export interface MockProvider {
  /** Provider name, for messages only. */
  name: string;
  /** The endpoints this provider answers. */
  routes: MockRoute[];
  /** Whether an unknown path belongs to this provider (its 404 body is used). */
  ownsPath: (path: string) => boolean;
  /** The provider's error body for an HTTP status. */
  createErrorBody: (options: { status: number; message: string }) => unknown;
}
