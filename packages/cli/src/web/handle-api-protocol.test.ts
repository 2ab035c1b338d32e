import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOtlpJsonTraces } from "../__fixtures__/send-dev-api-telemetry.js";
import { startDevServer } from "../start-dev-server.js";
import { hasNodeSqlite } from "../store/load-node-sqlite.js";
import type { DevServer } from "../types.js";
import type { StoreStatusResponse } from "./dev-api-types.js";

let dev: DevServer;

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${dev.url}${path}`);
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  return (await response.json()) as T;
}

async function readUntil(options: {
  reader: ReadableStreamDefaultReader<Uint8Array>;
  text: string;
}): Promise<string> {
  const decoder = new TextDecoder();
  let received = "";
  while (!received.includes(options.text)) {
    const chunk = await options.reader.read();
    if (chunk.done) break;
    received += decoder.decode(chunk.value);
  }
  return received;
}

describe.skipIf(!hasNodeSqlite())(
  "the dev API's protocol over real HTTP (needs node:sqlite, Node 22.13+)",
  () => {
    beforeAll(async () => {
      dev = await startDevServer({ port: 0, store: ":memory:", settleMs: 60_000, write: () => {} });
    });
    afterAll(() => dev.close());

    it("answers 400 naming the bad parameter, 404 to unknown paths, 405 to other methods", async () => {
      const bad = async (query: string) => {
        const response = await fetch(`${dev.url}${query}`);
        expect(response.status).toBe(400);
        expect(response.headers.get("cache-control")).toBe("no-store");
        return ((await response.json()) as { error: string }).error;
      };
      expect(await bad("/api/traces?limit=abc")).toMatch(/"limit": "abc" is not a number/);
      expect(await bad("/api/traces?limit=501")).toMatch(/"limit": 501 is above 500/);
      expect(await bad("/api/traces?errors=some")).toMatch(/"errors": use "only" or "none"/);
      expect(await bad("/api/traces?minCost=1")).toMatch(/"minCost": unknown/);
      expect(await bad("/api/overview?buckets=0")).toMatch(/"buckets": 0 is below 1/);
      expect(await bad("/api/overview?since=10&until=5")).toMatch(/"until"/);
      expect((await fetch(`${dev.url}/api/nothing`)).status).toBe(404);
      const post = await fetch(`${dev.url}/api/traces`, { method: "POST", body: "{}" });
      expect(post.status).toBe(405);
      expect(post.headers.get("allow")).toBe("GET, HEAD");
      expect((await fetch(`${dev.url}/api/status`, { method: "DELETE" })).status).toBe(405);
    });

    it("serves the UI on other GETs, and still refuses a foreign Host first", async () => {
      const page = await fetch(`${dev.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect((await fetch(`${dev.url}/nope.js`)).status).toBe(404);
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const request = httpRequest(
          `${dev.url}/api/traces`,
          { headers: { host: "evil.example:80" } },
          (response) => {
            response.resume();
            resolve(response.statusCode);
          },
        );
        request.on("error", reject);
        request.end();
      });
      expect(status).toBe(403);
    });

    it("streams an `event: stored` after each stored batch", async () => {
      const controller = new AbortController();
      const response = await fetch(`${dev.url}/api/stream`, { signal: controller.signal });
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const body = createOtlpJsonTraces({
        service: "sse",
        startMs: Date.now(),
        traceCount: 2,
        spansPerTrace: 3,
        seed: 9,
      });
      await fetch(`${dev.url}/v1/traces`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      const received = await readUntil({ reader, text: '"spans":6}\n\n' });
      expect(received).toContain('event: stored\ndata: {"traces":2,"spans":6}\n\n');
      controller.abort();
    });

    it("answers a burst of concurrent exports at once and stores every span", async () => {
      const before = (await getJson<StoreStatusResponse>("/api/status")).spans;
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          fetch(`${dev.url}/v1/traces`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: createOtlpJsonTraces({
              service: "burst",
              startMs: Date.now(),
              traceCount: 50,
              spansPerTrace: 5,
              seed: 100 + index,
            }),
          }).then((response) => response.status),
        ),
      );
      expect(answers.every((status) => status === 200)).toBe(true);
      expect(Date.now() - started).toBeLessThan(15_000);
      const status = await getJson<StoreStatusResponse>("/api/status");
      expect(status.spans - before).toBe(40 * 50 * 5);
      expect(status.dropped).toBe(0);
    });

    it("ends open event streams when the server closes", async () => {
      const other = await startDevServer({ port: 0, store: ":memory:", write: () => {} });
      const response = await fetch(`${other.url}/api/stream`);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      expect(await readUntil({ reader, text: ": connected" })).toContain(": connected");
      await other.close();
      await expect(readUntil({ reader, text: "never sent" })).resolves.not.toContain("never sent");
    });
  },
);
