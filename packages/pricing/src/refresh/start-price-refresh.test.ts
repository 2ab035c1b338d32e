import { afterEach, describe, expect, it } from "vitest";
import { PRICING_VERSION } from "../catalog-data.js";
import { createPriceRegistry } from "../create-price-registry.js";
import type { PriceRegistry } from "../types.js";
import { createOpenAIPriceFile } from "./price-file-fixtures.js";
import { runPriceRefresh } from "./run-price-refresh.js";
import { type PriceFileServer, startPriceFileServer } from "./start-price-file-server.js";
import { startPriceRefresh } from "./start-price-refresh.js";
import type { PriceRefresh, PriceRefreshError, PriceRefreshUpdate } from "./types.js";

const MILLION = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
const BUNDLED_GPT_4O_TOTAL = 12.5;
const fileBody = (pricingVersion: string, input = "1", output = "2") =>
  JSON.stringify(createOpenAIPriceFile({ pricingVersion, input, output }));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(answer: Parameters<typeof startPriceFileServer>[0]): Promise<PriceFileServer> {
  const server = await startPriceFileServer(answer);
  cleanups.push(() => server.close());
  return server;
}

function start(options: { url: string; registry: PriceRegistry; timeoutMs?: number; maxBytes?: number }) {
  const errors: PriceRefreshError[] = [];
  const updates: PriceRefreshUpdate[] = [];
  const refresh = startPriceRefresh({
    ...options,
    onError: (error) => errors.push(error),
    onUpdate: (update) => updates.push(update),
  });
  cleanups.push(() => refresh.stop());
  return { refresh, errors, updates };
}

const gpt4o = (registry: PriceRegistry) =>
  registry.costOf({ provider: "openai", model: "gpt-4o", usage: MILLION });

describe("startPriceRefresh", () => {
  it("loads a sightline.prices/v1 file: the cost changes and reports the file's version", async () => {
    const server = await serve(() => ({ body: fileBody("team-2026-12-01") }));
    const registry = createPriceRegistry();
    const { refresh, errors, updates } = start({ url: server.url, registry });
    const result = await refresh.refreshNow();
    expect(result.status).toBe("updated");
    expect(gpt4o(registry)).toMatchObject({ total: 3, pricingVersion: "team-2026-12-01" });
    expect(registry.pricingVersion).toBe("team-2026-12-01");
    expect(updates).toEqual([
      expect.objectContaining({ pricingVersion: "team-2026-12-01", format: "sightline", url: server.url }),
    ]);
    expect(errors).toEqual([]);
    expect(refresh.status()).toMatchObject({ pricingVersion: "team-2026-12-01", loading: false });
  });

  it("does not block: prices before the first load ends are the bundled ones", async () => {
    const server = await serve(() => ({ body: fileBody("late"), bodyDelayMs: 300 }));
    const registry = createPriceRegistry();
    const { refresh } = start({ url: server.url, registry });
    expect(gpt4o(registry)).toMatchObject({ total: BUNDLED_GPT_4O_TOTAL, pricingVersion: PRICING_VERSION });
    expect(refresh.status().loading).toBe(true);
    await refresh.refreshNow();
    expect(gpt4o(registry)?.pricingVersion).toBe("late");
  });

  it("keeps user overrides and Azure deployments across a load", async () => {
    const server = await serve(() => ({ body: fileBody("v2") }));
    const registry = createPriceRegistry({ azureDeployments: { "prod-chat": "gpt-4o-2024-11-20" } });
    registry.registerModelPrice({
      provider: "openai",
      model: "gpt-4o-mini",
      prices: { input: 100, output: 100 },
    });
    await start({ url: server.url, registry }).refresh.refreshNow();
    expect(registry.costOf({ provider: "openai", model: "gpt-4o-mini", usage: MILLION })).toMatchObject({
      total: 200,
      match: "override",
    });
    const azure = registry.costOf({ provider: "azure.ai.openai", model: "prod-chat", usage: MILLION });
    expect(azure).toMatchObject({ modelId: "gpt-4o-2024-11-20", pricingVersion: "v2" });
  });

  it.each([
    ["invalid JSON", { body: "{ not json" }, /not valid JSON/],
    [
      "a wrong shape",
      { body: JSON.stringify({ format: "sightline.prices/v1", pricingVersion: "x", entries: "all" }) },
      /entries must be an array/,
    ],
    [
      "a partial file",
      {
        body: JSON.stringify({
          ...createOpenAIPriceFile({ pricingVersion: "x", input: "1", output: "2" }),
          entries: [],
        }),
      },
      /no usable entries/,
    ],
    [
      "a file cut to a few entries",
      {
        body: JSON.stringify({
          ...createOpenAIPriceFile({ pricingVersion: "x", input: "1", output: "2" }),
          entries: createOpenAIPriceFile({ pricingVersion: "x", input: "1", output: "2" }).entries.slice(
            0,
            1,
          ),
        }),
      },
      /looks partial/,
    ],
    ["a truncated body", { body: fileBody("x"), cutAfterBytes: 500 }, /the request failed \(terminated/],
    ["an HTTP error", { status: 503, body: "busy" }, /the server answered 503/],
    ["a body over maxBytes (Content-Length)", { body: fileBody("x") }, /over maxBytes \(1000\)/],
    [
      "a chunked body over maxBytes",
      { body: fileBody("x"), chunked: true },
      /more than 1000 bytes, over maxBytes/,
    ],
  ] as const)("keeps the bundled prices and says why on %s", async (name, answer, message) => {
    const server = await serve(() => answer);
    const registry = createPriceRegistry();
    const { refresh, errors } = start({
      url: server.url,
      registry,
      maxBytes: name.includes("maxBytes") ? 1000 : undefined,
    });
    const result = await refresh.refreshNow();
    expect(result.status).toBe("failed");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(message);
    expect(errors[0]?.message).toContain(`prices from ${server.url} not loaded, keeping ${PRICING_VERSION}`);
    expect(gpt4o(registry)).toMatchObject({ total: BUNDLED_GPT_4O_TOTAL, pricingVersion: PRICING_VERSION });
    expect(refresh.status().lastError?.message).toBe(errors[0]?.message);
  });

  it("gives up on a slow server at timeoutMs, keeping the bundled prices", async () => {
    const server = await serve(() => ({ body: fileBody("slow"), bodyDelayMs: 5_000 }));
    const registry = createPriceRegistry();
    const { refresh, errors } = start({ url: server.url, registry, timeoutMs: 200 });
    const startedAt = performance.now();
    await refresh.refreshNow();
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(errors[0]?.message).toMatch(/no complete answer within timeoutMs \(200 ms\)/);
    expect(gpt4o(registry)?.pricingVersion).toBe(PRICING_VERSION);
  });

  it("keeps the bundled prices when the server is down, and says so once, not on every attempt", async () => {
    const server = await startPriceFileServer(() => ({ body: "" }));
    await server.close();
    const registry = createPriceRegistry();
    const { refresh, errors } = start({ url: server.url, registry });
    for (let attempt = 0; attempt < 3; attempt++) expect((await refresh.refreshNow()).status).toBe("failed");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/the request failed/);
    expect(gpt4o(registry)?.pricingVersion).toBe(PRICING_VERSION);
  });

  it("sends the ETag and Last-Modified back, and keeps the prices on 304", async () => {
    const lastModified = "Tue, 01 Dec 2026 10:00:00 GMT";
    const server = await serve(({ index }) =>
      index === 0
        ? { body: fileBody("v1"), headers: { etag: '"abc"', "last-modified": lastModified } }
        : { status: 304 },
    );
    const registry = createPriceRegistry();
    const { refresh, errors, updates } = start({ url: server.url, registry });
    await refresh.refreshNow();
    expect(await refresh.refreshNow()).toEqual({ status: "not-modified" });
    expect(server.requests[1]).toMatchObject({ "if-none-match": '"abc"', "if-modified-since": lastModified });
    expect(server.requests[0]?.["if-none-match"]).toBeUndefined();
    expect(gpt4o(registry)).toMatchObject({ total: 3, pricingVersion: "v1" });
    expect(updates).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it("refuses options out of range, naming the option", () => {
    const registry = createPriceRegistry();
    expect(() => startPriceRefresh({ url: "http://127.0.0.1/p.json", intervalMs: 1_000, registry })).toThrow(
      /intervalMs 1000 is not a number from 60000/,
    );
    expect(() => startPriceRefresh({ url: "ftp://example.com/p.json", registry })).toThrow(
      /url "ftp:.+" is not an http\(s\) URL/,
    );
    expect(() => startPriceRefresh({ url: "http://127.0.0.1/p.json", maxBytes: 0, registry })).toThrow(
      /maxBytes 0/,
    );
  });
});

describe("the refresh loop", () => {
  function loop(url: string, registry: PriceRegistry): PriceRefresh {
    const refresh = runPriceRefresh({
      url,
      intervalMs: 50,
      timeoutMs: 2_000,
      maxBytes: 1 << 20,
      registry,
      fetch: globalThis.fetch,
      onError: undefined,
      onUpdate: undefined,
    });
    cleanups.push(() => refresh.stop());
    return refresh;
  }

  it("picks up a changed price on the interval", async () => {
    let version = "v1";
    let input = "1";
    const server = await serve(() => ({ body: fileBody(version, input) }));
    const registry = createPriceRegistry();
    const refresh = loop(server.url, registry);
    await refresh.refreshNow();
    expect(gpt4o(registry)).toMatchObject({ total: 3, pricingVersion: "v1" });
    version = "v2";
    input = "4";
    await expect.poll(() => gpt4o(registry)?.pricingVersion, { timeout: 2_000 }).toBe("v2");
    expect(gpt4o(registry)?.total).toBe(6);
  });

  it("stops: no request after stop(), and refreshNow() says stopped", async () => {
    const server = await serve(() => ({ body: fileBody("v1") }));
    const registry = createPriceRegistry();
    const refresh = loop(server.url, registry);
    await refresh.refreshNow();
    refresh.stop();
    const seen = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(server.requests.length).toBe(seen);
    expect(await refresh.refreshNow()).toEqual({ status: "stopped" });
    expect(refresh.status().stopped).toBe(true);
  });
});
