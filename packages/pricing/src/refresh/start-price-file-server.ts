import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** What the server does with one request. Tests only. */
export type PriceServerAnswer =
  | {
      status?: number;
      body?: string;
      headers?: Record<string, string>;
      /** Send the headers, then wait this long before the body. */
      bodyDelayMs?: number;
      /** Declare the full length but send only this many bytes, then drop the connection. */
      cutAfterBytes?: number;
      /** Send no Content-Length (chunked), so only counting the stream can bound it. */
      chunked?: boolean;
    }
  | "hang";

/** A loopback server handing out price files. Tests only. */
export interface PriceFileServer {
  /** URL of the file, e.g. `http://127.0.0.1:43121/prices.json`. */
  url: string;
  /** Each request's lower-case headers, in arrival order. */
  requests: IncomingHttpHeaders[];
  /** Drops open connections and stops listening. */
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 (port 0) that answers each request as `answer` says. Tests only. */
export async function startPriceFileServer(
  answer: (request: { index: number; headers: IncomingHttpHeaders }) => PriceServerAnswer,
): Promise<PriceFileServer> {
  const requests: IncomingHttpHeaders[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const index = requests.length;
    requests.push(request.headers);
    request.resume();
    const plan = answer({ index, headers: request.headers });
    if (plan === "hang") return;
    const body = Buffer.from(plan.body ?? "");
    response.writeHead(plan.status ?? 200, {
      "content-type": "application/json",
      ...(plan.chunked ? {} : { "content-length": String(body.length) }),
      ...plan.headers,
    });
    response.flushHeaders();
    const send = () => {
      if (plan.cutAfterBytes !== undefined) {
        response.write(body.subarray(0, plan.cutAfterBytes), () => response.socket?.destroy());
        return;
      }
      response.end(body);
    };
    if (plan.bodyDelayMs === undefined) send();
    else setTimeout(send, plan.bodyDelayMs);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/prices.json`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
