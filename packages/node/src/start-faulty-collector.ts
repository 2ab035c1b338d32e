import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** What the faulty collector does with one request: answer it, or never answer. */
export type CollectorBehaviour = { status: number; body?: string; delayMs?: number } | "hang";

/** A loopback OTLP/HTTP endpoint that misbehaves on purpose. Tests only. */
export interface FaultyCollector {
  /** Base URL, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /** Each request's path and lower-case headers, in arrival order. */
  requests: { path: string; headers: IncomingMessage["headers"] }[];
  /** Drops open connections (hung ones too) and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 that reads each request and then does what `behave` says for it:
 * answer (after a delay, if given) 200, 500 or 429, or hang (accept and never answer). Tests only: the fault cases of the export.
 */
export async function startFaultyCollector(options: {
  behave: (request: { index: number; path: string }) => CollectorBehaviour;
}): Promise<FaultyCollector> {
  const requests: FaultyCollector["requests"] = [];
  const server = createServer((request, response) => {
    const index = requests.length;
    const path = request.url ?? "/";
    requests.push({ path, headers: request.headers });
    request.resume();
    request.once("end", () => {
      const behaviour = options.behave({ index, path });
      if (behaviour === "hang") return;
      const answer = () =>
        response.writeHead(behaviour.status, { "content-type": "text/plain" }).end(behaviour.body ?? "");
      if (behaviour.delayMs === undefined) answer();
      else setTimeout(answer, behaviour.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (bound, then released), for "connection refused". Tests only. */
export async function getClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
