import type { ServerResponse } from "node:http";

/** Options for {@link sendJson}. */
export interface SendJsonOptions {
  /** The Node response to write to. */
  response: ServerResponse;
  /** HTTP status. */
  status: number;
  /** Body, serialised as JSON. */
  body: unknown;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** Writes a complete JSON response. */
export function sendJson(options: SendJsonOptions): void {
  const payload = JSON.stringify(options.body);
  options.response.writeHead(options.status, {
    ...options.headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  });
  options.response.end(payload);
}
