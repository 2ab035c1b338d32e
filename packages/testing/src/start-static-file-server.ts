import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback server that answers every request with one file. */
export interface StaticFileServer {
  /** `http://127.0.0.1:<port>/<name>`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves one body on loopback (a price file, a config file), for tests of code that fetches a URL.
 *
 * @example
 * const server = await startStaticFileServer({ body: JSON.stringify(prices), name: "prices.json" });
 */
export async function startStaticFileServer(options: {
  body: string;
  name?: string;
  contentType?: string;
}): Promise<StaticFileServer> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": options.contentType ?? "application/json" });
    response.end(options.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${options.name ?? "file.json"}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
