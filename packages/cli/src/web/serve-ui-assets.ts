import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { findUiDirectory } from "./find-ui-directory.js";

/**
 * Every header the UI's answers carry: a CSP that allows this origin's script, style and fetches only
 * (span content is untrusted, so even a markup bug cannot run a script or leak to another host), and
 * no caching, so a rebuilt UI is picked up on reload.
 */
const UI_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};

/**
 * The only files served, by request path. A fixed map rather than a path join, so no request path can
 * name a file outside it (no traversal to guard). The UI routes by hash (`#/trace/<id>`), so `/` is
 * the only page path.
 */
const UI_ASSETS: ReadonlyMap<string, { file: string; contentType: string }> = new Map([
  ["/", { file: "index.html", contentType: "text/html; charset=utf-8" }],
  ["/index.html", { file: "index.html", contentType: "text/html; charset=utf-8" }],
  ["/app.js", { file: "app.js", contentType: "text/javascript; charset=utf-8" }],
  ["/app.css", { file: "app.css", contentType: "text/css; charset=utf-8" }],
]);

/**
 * Answers a GET for the web UI: index.html for `/`, app.js and app.css, 404 for anything else, all with
 * {@link UI_HEADERS}. Assets come from dist/ui beside the built module.
 * @example
 * if (!path.startsWith("/api/") && !path.startsWith("/v1/")) return serveUiAsset({ path, response });
 */
export function serveUiAsset(options: { path: string; response: import("node:http").ServerResponse }): void {
  serveUiAssetFrom({ ...options, directory: findUiDirectory() });
}

/** {@link serveUiAsset} from a given folder of built assets (tests use a temporary one). */
export function serveUiAssetFrom(options: {
  directory: string;
  path: string;
  response: ServerResponse;
}): void {
  const { response } = options;
  // The query string and fragment never pick a file.
  const path = options.path.split(/[?#]/, 1)[0] ?? "";
  const asset = UI_ASSETS.get(path);
  if (asset === undefined) {
    answerText({ response, status: 404, text: `not found: the web UI serves /, /app.js and /app.css\n` });
    return;
  }
  readFile(join(options.directory, asset.file)).then(
    (body) => {
      if (response.headersSent || response.destroyed) return;
      response.writeHead(200, {
        ...UI_HEADERS,
        "content-type": asset.contentType,
        "content-length": body.length,
      });
      response.end(body);
    },
    () =>
      answerText({
        response,
        status: 404,
        text: `the web UI is not built (no ${asset.file}); run \`pnpm build\` in packages/cli\n`,
      }),
  );
}

function answerText(options: { response: ServerResponse; status: number; text: string }): void {
  const { response } = options;
  if (response.headersSent || response.destroyed) return;
  response.writeHead(options.status, { ...UI_HEADERS, "content-type": "text/plain; charset=utf-8" });
  response.end(options.text);
}
