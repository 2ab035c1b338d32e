import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveUiAsset, serveUiAssetFrom } from "./serve-ui-assets.js";

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw GET: node:http sends the path as written, so `..` and `%2e` reach the server unnormalised. */
function get(options: { port: number; path: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port: options.port, path: options.path }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () =>
        resolve({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

function expectUiHeaders(answer: Answer): void {
  expect(answer.headers["content-security-policy"]).toBe(EXPECTED_CSP);
  expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers["referrer-policy"]).toBe("no-referrer");
  expect(answer.headers["cache-control"]).toBe("no-cache");
}

describe("serveUiAssetFrom", () => {
  let root: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "sightline-ui-"));
    const directory = join(root, "ui");
    await mkdir(directory);
    await writeFile(join(directory, "index.html"), "<!doctype html><title>ui</title>");
    await writeFile(join(directory, "app.js"), "console.log(1);");
    await writeFile(join(directory, "app.css"), "body{}");
    await writeFile(join(directory, "secret.txt"), "not an asset");
    await writeFile(join(root, "package.json"), '{"secret":true}');
    server = createServer((incoming, response) =>
      serveUiAssetFrom({ directory, path: incoming.url ?? "/", response }),
    );
    port = await listen(server);
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    ["/", "text/html; charset=utf-8", "<!doctype html>"],
    ["/index.html", "text/html; charset=utf-8", "<!doctype html>"],
    ["/?filter=x", "text/html; charset=utf-8", "<!doctype html>"],
    ["/app.js", "text/javascript; charset=utf-8", "console.log"],
    ["/app.css", "text/css; charset=utf-8", "body{}"],
  ])("serves %s as %s with the security headers", async (path, contentType, start) => {
    const answer = await get({ port, path });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe(contentType);
    expect(answer.body.startsWith(start)).toBe(true);
    expectUiHeaders(answer);
  });

  it.each([
    "/secret.txt",
    "/favicon.ico",
    "/app.js.map",
    "/../package.json",
    "/%2e%2e/package.json",
    "/..%2fpackage.json",
    "/app.js/../../package.json",
    "//etc/passwd",
    "/ui/../package.json",
    "/APP.JS",
    "/__proto__",
    "/constructor",
  ])("answers %s with 404 and the security headers", async (path) => {
    const answer = await get({ port, path });
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain("secret");
    expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expectUiHeaders(answer);
  });

  it("answers 404 with a hint when the UI was not built", async () => {
    const missing = createServer((incoming, response) =>
      serveUiAssetFrom({ directory: join(root, "nowhere"), path: incoming.url ?? "/", response }),
    );
    const missingPort = await listen(missing);
    try {
      const answer = await get({ port: missingPort, path: "/app.js" });
      expect(answer.status).toBe(404);
      expect(answer.body).toContain("not built");
      expectUiHeaders(answer);
    } finally {
      await new Promise((resolve) => missing.close(resolve));
    }
  });
});

describe("serveUiAsset", () => {
  it("answers unknown paths with 404 and the security headers, whether or not the UI is built", async () => {
    const server = createServer((incoming, response) =>
      serveUiAsset({ path: incoming.url ?? "/", response }),
    );
    const port = await listen(server);
    try {
      const answer = await get({ port, path: "/../../package.json" });
      expect(answer.status).toBe(404);
      expectUiHeaders(answer);
      const index = await get({ port, path: "/" });
      expectUiHeaders(index);
      // Built (200) or not (404 with the hint): never anything else.
      if (index.status === 200) expect(index.body).toContain("app.js");
      else expect(index.body).toContain("not built");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
