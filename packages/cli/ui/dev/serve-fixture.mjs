#!/usr/bin/env node
// A dev-only server for the web UI (not shipped): serves dist/ui with the same security headers as
// serveUiAsset, and canned answers for every /api/* endpoint of src/web/dev-api-types.ts, so the UI can
// be worked on while the real store and API are written.
//
//   node ui/dev/serve-fixture.mjs [--port 5599] [--empty] [--fail] [--live-ms 15000] [--filler 28]
//   --empty: a store with nothing in it (empty states);  --fail: every /api/* answers 500 (error states);
//   --live-ms: how often a new trace is "stored" and announced on /api/stream (0: never);
//   --filler: how many plain traces beside the hand-made ones (over 100 to see paging).
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { createFixtureSpans, createLiveTrace } from "./create-fixture-spans.mjs";
import { createOverview, listConversations, listTraces, summarizeTrace } from "./summarize-fixture.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const port = Number(option("--port", "5599"));
const empty = args.includes("--empty");
const fail = args.includes("--fail");
const liveMs = Number(option("--live-ms", "15000"));
const uiDirectory = fileURLToPath(new URL("../../dist/ui/", import.meta.url));

const HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};
const ASSETS = new Map([
  ["/", ["index.html", "text/html; charset=utf-8"]],
  ["/app.js", ["app.js", "text/javascript; charset=utf-8"]],
  ["/app.css", ["app.css", "text/css; charset=utf-8"]],
]);

const traces = empty ? new Map() : createFixtureSpans(Date.now(), Number(option("--filler", "28")));
const streams = new Set();
const allSpans = () => [...traces.values()].flat();

function json(response, status, body) {
  response.writeHead(status, { ...HEADERS, "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

function answerApi(url, response) {
  if (fail) return json(response, 500, { error: "fixture: --fail is on" });
  const path = url.pathname;
  if (path === "/api/status") {
    const spans = allSpans();
    return json(response, 200, {
      file: "/home/dev/.local/share/sightline/dev.sqlite",
      sizeBytes: spans.length * 900,
      traces: traces.size,
      spans: spans.length,
      metricPoints: 120,
      oldestMs: spans.length ? Math.min(...spans.map((span) => span.startMs)) : null,
      newestMs: spans.length ? Math.max(...spans.map((span) => span.startMs)) : null,
      retention: { maxAgeHours: 168, maxSizeMb: 256 },
      pending: 0,
      dropped: 0,
    });
  }
  if (path === "/api/traces")
    return json(
      response,
      200,
      listTraces({ summaries: [...traces.values()].map(summarizeTrace), params: url.searchParams }),
    );
  if (path.startsWith("/api/traces/")) {
    const traceId = decodeURIComponent(path.slice("/api/traces/".length));
    const spans = traces.get(traceId);
    return spans
      ? json(response, 200, { traceId, spans })
      : json(response, 404, { error: `no trace ${traceId}` });
  }
  if (path === "/api/conversations")
    return json(response, 200, {
      conversations: listConversations(allSpans())
        .map((entry) => entry.summary)
        .sort((left, right) => right.lastMs - left.lastMs),
    });
  if (path.startsWith("/api/conversations/")) {
    const conversationId = decodeURIComponent(path.slice("/api/conversations/".length));
    const found = listConversations(allSpans()).find(
      (entry) => entry.summary.conversationId === conversationId,
    );
    return found
      ? json(response, 200, { conversationId, calls: found.calls })
      : json(response, 404, { error: `no conversation ${conversationId}` });
  }
  if (path === "/api/overview")
    return json(
      response,
      200,
      createOverview({ spans: allSpans(), params: url.searchParams, now: Date.now() }),
    );
  if (path === "/api/stream") {
    response.writeHead(200, { ...HEADERS, "content-type": "text/event-stream", connection: "keep-alive" });
    response.write(": connected\n\n");
    streams.add(response);
    response.on("close", () => streams.delete(response));
    return;
  }
  return json(response, 404, { error: `no endpoint ${path}` });
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://fixture.invalid");
  if (url.pathname.startsWith("/api/")) return answerApi(url, response);
  const asset = ASSETS.get(url.pathname);
  if (!asset) {
    response.writeHead(404, { ...HEADERS, "content-type": "text/plain" });
    return response.end("not found\n");
  }
  try {
    const body = await readFile(`${uiDirectory}${asset[0]}`);
    response.writeHead(200, { ...HEADERS, "content-type": asset[1] });
    response.end(body);
  } catch {
    response.writeHead(404, { ...HEADERS, "content-type": "text/plain" });
    response.end("run pnpm build in packages/cli first\n");
  }
});

if (liveMs > 0 && !fail)
  setInterval(() => {
    const spans = createLiveTrace(Date.now());
    traces.set(spans[0].traceId, spans);
    for (const stream of streams)
      stream.write(`event: stored\ndata: ${JSON.stringify({ traces: 1, spans: spans.length })}\n\n`);
  }, liveMs).unref();

server.listen(port, "127.0.0.1", () => console.log(`fixture UI on http://127.0.0.1:${port}/`));
