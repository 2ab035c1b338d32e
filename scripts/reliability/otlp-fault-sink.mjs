// An OTLP/HTTP endpoint on loopback that misbehaves on purpose: down (nothing listens), hanging
// (accepts, never answers), slow (answers after 1.5 s), 500, 429 (with Retry-After), recovering
// (503 for its first 2 s, then fine) or healthy. It decodes what it accepts and counts unique and
// duplicated spans, so the suite knows what a backend really received.
import { createServer } from "node:http";
import { gunzipSync } from "node:zlib";

const SLOW_MS = 1500;
const RECOVERS_AFTER_MS = 2000;

/**
 * Starts a sink in `mode`; `decode` is @sightline/otlp's decodeOtlpExport (re-exported by @sightline/testing) from the app under test.
 * Resolves with its base URL (give it as the OTLP endpoint), live stats and close().
 */
export async function startOtlpFaultSink({ mode, decode }) {
  const stats = { requests: 0, uniqueSpans: 0, duplicateSpans: 0, rejected: 0 };
  const seen = new Set();
  if (mode === "down") {
    const server = createServer();
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address();
    await new Promise((resolve) => server.close(resolve));
    return { url: `http://127.0.0.1:${port}`, stats, close: async () => {} };
  }
  const startedAt = Date.now();
  const count = (request, body) => {
    if (!request.url.endsWith("/v1/traces")) return;
    const contentType = (request.headers["content-type"] ?? "").split(";")[0];
    const bytes = request.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
    for (const span of decode({ body: bytes, contentType, signal: "traces" }).spans) {
      if (seen.has(span.spanId)) stats.duplicateSpans += 1;
      else {
        seen.add(span.spanId);
        stats.uniqueSpans += 1;
      }
    }
  };
  const accept = (request, response, body) => {
    try {
      count(request, body);
    } catch {
      stats.rejected += 1;
    }
    response.writeHead(200, { "content-type": request.headers["content-type"] ?? "application/json" });
    response.end();
  };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      stats.requests += 1;
      const body = Buffer.concat(chunks);
      if (mode === "hanging") return;
      if (mode === "slow") {
        setTimeout(() => accept(request, response, body), SLOW_MS);
        return;
      }
      const failing =
        mode === "500"
          ? 500
          : mode === "429"
            ? 429
            : mode === "recovering" && Date.now() - startedAt < RECOVERS_AFTER_MS
              ? 503
              : 0;
      if (failing) {
        stats.rejected += 1;
        response.writeHead(failing, {
          "content-type": "application/json",
          ...(failing === 429 ? { "retry-after": "1" } : {}),
        });
        response.end('{"code":14,"message":"unavailable"}');
        return;
      }
      accept(request, response, body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
