import type { ServerResponse } from "node:http";

/**
 * Serves the web UI's files for a GET that is not `/api/*`. Placeholder until the UI is built: `/` says
 * so, every other path is 404.
 */
export function serveUiAsset(options: { path: string; response: import("node:http").ServerResponse }): void {
  const response: ServerResponse = options.response;
  const found = options.path === "/";
  const body = found ? "sightline dev UI not built" : "not found";
  response.writeHead(found ? 200 : 404, {
    "content-type": found ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-content-type-options": "nosniff",
  });
  response.end(body);
}
