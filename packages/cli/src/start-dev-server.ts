import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gunzipSync } from "node:zlib";
import { SightlineError } from "@sightline/core";
import { decodeOtlpExport } from "@sightline/otlp";
import { answerJson } from "./answer-json.js";
import { createHostCheck } from "./create-host-check.js";
import { createTraceView } from "./create-trace-view.js";
import { describeListenError } from "./describe-listen-error.js";
import { createPaint } from "./paint.js";
import { readLimitedBody } from "./read-limited-body.js";
import { sanitizeTerminalText } from "./sanitize-terminal-text.js";
import { openDevStore } from "./store/open-dev-store.js";
import type { DevStore } from "./store/types.js";
import type { DevServer, DevServerOptions, DevServerStats } from "./types.js";
import { createEventStreams, type EventStreams } from "./web/create-event-stream.js";
import { handleApiRequest } from "./web/handle-api-request.js";
import { serveUiAsset } from "./web/serve-ui-assets.js";

const DEFAULT_PORT = 4318;
const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_TRACES = 500;
const DEFAULT_SETTLE_MS = 2000;

/**
 * Starts the `sightline dev` receiver: OTLP/HTTP (`POST /v1/traces`, `/v1/metrics`; protobuf or JSON,
 * gzip or not) on 127.0.0.1:4318 by default, printing each GenAI trace as a tree as it arrives. Memory
 * is bounded; bodies too large get 413, undecodable ones 400, and the server keeps serving. Requests whose
 * `Host` is not this receiver's (DNS rebinding) or that come from a web page on another site get 403.
 * Unless `ui: false`, exports are also written to an embedded SQLite store (Node 22.13+), served as a JSON
 * API under `/api/*` and a web UI on every other GET, on the same port.
 * @example
 * const dev = await startDevServer({ port: 0 });
 * // OTEL_EXPORTER_OTLP_ENDPOINT = dev.url
 * await dev.close(); console.log(dev.summary());
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxTraces = options.maxTraces ?? DEFAULT_MAX_TRACES;
  checkPositive({ name: "maxBodyBytes", value: maxBodyBytes });
  checkPositive({ name: "maxTraces", value: maxTraces });
  for (const [name, value] of Object.entries(options.retention ?? {})) {
    if (value !== undefined && !(typeof value === "number" && value > 0 && Number.isFinite(value))) {
      throw new SightlineError({ message: `retention.${name}: ${value} must be a positive number.` });
    }
  }
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const view = createTraceView({
    json: options.json ?? false,
    maxTraces,
    settleMs: options.settleMs ?? DEFAULT_SETTLE_MS,
    paint: createPaint(options.color ?? false),
    write,
  });
  const stats: DevServerStats = {
    accepted: 0,
    spans: 0,
    metricPoints: 0,
    tooLarge: 0,
    malformed: 0,
    unsupported: 0,
    forbidden: 0,
    dropped: 0,
  };
  // Notices are diagnostics, not trace output: stderr unless the caller (the CLI) says otherwise.
  const notice = options.writeNotice ?? ((text: string) => void process.stderr.write(text));
  const ui = openUi({ options, notice });
  const sockets = new Set<Socket>();
  // Set once listening, when the URL to point senders at is known; no request arrives before that.
  let checkSource: ReturnType<typeof createHostCheck> | undefined;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // First, before the path or body say anything: who is asking.
    const refusal = checkSource?.({ host: request.headers.host, origin: request.headers.origin });
    if (refusal !== undefined) {
      stats.forbidden += 1;
      request.resume();
      return answerJson({ response, status: 403, message: refusal });
    }
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (ui && (path === "/api" || path.startsWith("/api/"))) {
      return handleApiRequest({ request, response, store: ui.store, streams: ui.streams });
    }
    if (ui && (request.method === "GET" || request.method === "HEAD") && !path.includes("/v1/")) {
      request.resume();
      return serveUiAsset({ path, response });
    }
    const signal = path.endsWith("/v1/traces")
      ? "traces"
      : path.endsWith("/v1/metrics")
        ? "metrics"
        : undefined;
    if (request.method !== "POST" || signal === undefined) {
      stats.unsupported += 1;
      request.resume();
      return answerJson({
        response,
        status: 404,
        message: `sightline dev takes POST /v1/traces and /v1/metrics, not ${request.method} ${path}`,
      });
    }
    const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (contentType !== "application/x-protobuf" && contentType !== "application/json") {
      stats.unsupported += 1;
      request.resume();
      return answerJson({ response, status: 415, message: "use application/x-protobuf or application/json" });
    }
    const declaredLength = Number(request.headers["content-length"] ?? "0");
    if (declaredLength > maxBodyBytes) {
      stats.tooLarge += 1;
      request.resume();
      return answerJson({ response, status: 413, message: `body over ${maxBodyBytes} bytes` });
    }
    let body = await readLimitedBody({ request, maxBytes: maxBodyBytes });
    if (body !== "too-large" && request.headers["content-encoding"] === "gzip") {
      try {
        body = gunzipSync(body, { maxOutputLength: maxBodyBytes });
      } catch (error) {
        const isTooLarge = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
        if (!isTooLarge) {
          stats.malformed += 1;
          return answerJson({ response, status: 400, message: "the gzip body could not be inflated" });
        }
        body = "too-large";
      }
    }
    if (body === "too-large") {
      stats.tooLarge += 1;
      return answerJson({ response, status: 413, message: `body over ${maxBodyBytes} bytes` });
    }
    let decoded: ReturnType<typeof decodeOtlpExport>;
    try {
      decoded = decodeOtlpExport({ body, contentType, signal });
    } catch (error) {
      stats.malformed += 1;
      return answerJson({
        response,
        status: 400,
        message: `not an OTLP ${signal} export request: ${(error as Error).message}`,
      });
    }
    stats.accepted += 1;
    stats.spans += decoded.spans.length;
    stats.metricPoints += decoded.metrics.reduce((total, metric) => total + metric.points.length, 0);
    try {
      view.addSpans(decoded.spans);
      view.addMetrics(decoded.metrics);
    } catch (error) {
      // A rendering bug must not make the exporter retry the same batch forever: accept, report, go on.
      write(`sightline dev: could not show a batch: ${sanitizeTerminalText(String(error))}\n`);
    }
    // Queued, not written: the answer never waits on the disk.
    ui?.store.enqueue({ spans: decoded.spans, metrics: decoded.metrics });
    if (contentType === "application/x-protobuf") {
      // An empty ExportServiceResponse: full success.
      response.writeHead(200, { "content-type": "application/x-protobuf", "content-length": 0 });
      response.end();
    } else {
      answerJson({ response, status: 200 });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      stats.malformed += 1;
      answerJson({ response, status: 400, message: String(error) });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("clientError", (_error, socket) => {
    stats.malformed += 1;
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      view.close();
      ui?.store.close();
      const message = describeListenError({ code: error.code, host, port: options.port ?? DEFAULT_PORT });
      reject(message ? new SightlineError({ message, cause: error }) : error);
    });
    server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
  });

  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;
  checkSource = createHostCheck({ host, url });
  let closing: Promise<void> | undefined;
  return {
    url,
    uiUrl: ui ? `${url}/` : undefined,
    storePath: ui?.store.file,
    stats: () => ({
      ...stats,
      dropped: view.dropped(),
      ...(ui ? { store: { pending: ui.store.pending(), dropped: ui.store.dropped() } } : {}),
    }),
    summary: () => view.summary(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        view.flushPending();
        view.close();
        ui?.streams.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }).then(() => ui?.store.close());
      return closing;
    },
  };
}

function checkPositive(options: { name: string; value: number }): void {
  if (!Number.isInteger(options.value) || options.value <= 0) {
    throw new SightlineError({
      message: `${options.name}: ${options.value} must be a positive whole number.`,
    });
  }
}

/** Opens the store and its event streams unless the UI is off; says once why there is none. */
function openUi(options: {
  options: DevServerOptions;
  notice: (text: string) => void;
}): { store: DevStore; streams: EventStreams } | undefined {
  if (options.options.ui === false) return undefined;
  const opened = openDevStore({
    ...(options.options.store !== undefined ? { path: options.options.store } : {}),
    ...(options.options.retention !== undefined ? { retention: options.options.retention } : {}),
    warn: (message) => options.notice(`${message}\n`),
  });
  if (!("store" in opened)) {
    options.notice(`sightline dev: ${opened.reason}\n`);
    return undefined;
  }
  return { store: opened.store, streams: createEventStreams({ store: opened.store }) };
}
