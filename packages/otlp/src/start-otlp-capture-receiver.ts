import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gunzipSync } from "node:zlib";
import { decodeOtlpProtobuf, type OtlpSignal } from "./decode-otlp-protobuf.js";
import { flattenOtlpMetrics } from "./flatten-otlp-metrics.js";
import { flattenOtlpSpans } from "./flatten-otlp-spans.js";
import type {
  CapturedMetric,
  CapturedOtlpRequest,
  CapturedSpan,
  OtlpCaptureReceiver,
  OtlpCaptureReceiverOptions,
} from "./types.js";

const DEFAULT_WAIT_MS = 5_000;

/**
 * Starts an OTLP/HTTP receiver on 127.0.0.1 that accepts `POST …/v1/traces` and `…/v1/metrics` as JSON or
 * protobuf (gzip too), decodes and keeps what it gets, and answers 200 (400 to a body it cannot decode).
 *
 * @example
 * ```ts
 * const receiver = await startOtlpCaptureReceiver();
 * const exporter = new OTLPTraceExporter({ url: `${receiver.url}/v1/traces` });
 * // … export spans …
 * const [span] = await receiver.waitForSpans(1);
 * await receiver.close();
 * ```
 */
export async function startOtlpCaptureReceiver(
  options: OtlpCaptureReceiverOptions = {},
): Promise<OtlpCaptureReceiver> {
  const requests: CapturedOtlpRequest[] = [];
  let spans: CapturedSpan[] = [];
  let metrics: CapturedMetric[] = [];
  const listeners = new Set<() => void>();
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      answer({ response, status: 400, message: error instanceof Error ? error.message : String(error) });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    requests.push({ path, headers, contentType });
    const signal: OtlpSignal | undefined = path.endsWith("/v1/traces")
      ? "traces"
      : path.endsWith("/v1/metrics")
        ? "metrics"
        : undefined;
    if (request.method !== "POST" || !signal) {
      answer({ response, status: 404, message: `No OTLP endpoint at ${request.method} ${path}` });
      return;
    }
    let body = await readBody(request);
    if (request.headers["content-encoding"] === "gzip") body = gunzipSync(body);
    const decoded =
      contentType === "application/x-protobuf"
        ? decodeOtlpProtobuf({ body, signal })
        : (JSON.parse(body.toString("utf8")) as unknown);
    if (signal === "traces") spans = spans.concat(flattenOtlpSpans(decoded));
    else metrics = metrics.concat(flattenOtlpMetrics(decoded));
    if (contentType === "application/x-protobuf") {
      // An empty ExportServiceResponse: no partial success to report.
      response.writeHead(200, { "content-type": "application/x-protobuf", "content-length": 0 });
      response.end();
    } else {
      answer({ response, status: 200 });
    }
    for (const listener of listeners) listener();
  }

  function waitFor<T>(options: {
    ready: () => T | undefined;
    timeoutMs: number;
    describe: () => string;
  }): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = options.ready();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`OTLP capture receiver: timed out after ${options.timeoutMs} ms; ${options.describe()}`),
        );
      }, options.timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    spans: () => [...spans],
    metrics: () => [...metrics],
    waitForSpans: (count, timeoutMs = DEFAULT_WAIT_MS) =>
      waitFor({
        ready: () => (spans.length >= count ? [...spans] : undefined),
        timeoutMs,
        describe: () =>
          `wanted ${count} spans, got ${spans.length} (${spans.map((span) => span.name).join(", ")})`,
      }),
    waitForMetrics: (name, timeoutMs = DEFAULT_WAIT_MS) =>
      waitFor({
        ready: () => {
          const matching = metrics.filter((metric) => metric.name === name);
          return matching.length > 0 ? matching : undefined;
        },
        timeoutMs,
        describe: () =>
          `no metric named ${name}; got ${[...new Set(metrics.map((metric) => metric.name))].join(", ")}`,
      }),
    reset: () => {
      requests.length = 0;
      spans = [];
      metrics = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function answer(options: { response: ServerResponse; status: number; message?: string }): void {
  const { response } = options;
  if (response.headersSent) return;
  const body = JSON.stringify(options.message === undefined ? {} : { error: options.message });
  response.writeHead(options.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
