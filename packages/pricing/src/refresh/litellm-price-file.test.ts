import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { PRICING_VERSION } from "../catalog-data.js";
import { createPriceRegistry } from "../create-price-registry.js";
import { parsePriceFile } from "./parse-price-file.js";
import { type PriceFileServer, startPriceFileServer } from "./start-price-file-server.js";
import { startPriceRefresh } from "./start-price-refresh.js";
import type { PriceRefreshError } from "./types.js";

// LiteLLM's map as LiteLLM publishes it: the `models` object of the pinned snapshot is that map (facts only).
const snapshot = JSON.parse(
  readFileSync(new URL("../../sources/litellm/litellm-prices.json", import.meta.url), "utf8"),
) as { models: Record<string, Record<string, unknown>> };
const MILLION = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
const MAP_URL = "http://127.0.0.1/model_prices_and_context_window.json";

/** The whole map with gpt-4o repriced to $3 / $12 per 1M tokens. */
function repricedMap(): string {
  const models = { ...snapshot.models };
  models["gpt-4o"] = { ...models["gpt-4o"], input_cost_per_token: 3e-6, output_cost_per_token: 1.2e-5 };
  return JSON.stringify(models);
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("LiteLLM's price map, loaded as is", () => {
  it("loads over HTTP: costs use its prices and report litellm:<first 8 hex of the body's SHA-256>", async () => {
    const body = repricedMap();
    const server: PriceFileServer = await startPriceFileServer(() => ({ body }));
    cleanups.push(() => server.close());
    const registry = createPriceRegistry();
    const errors: PriceRefreshError[] = [];
    const refresh = startPriceRefresh({ url: server.url, registry, onError: (error) => errors.push(error) });
    cleanups.push(() => refresh.stop());
    const result = await refresh.refreshNow();
    expect(errors).toEqual([]);
    const version = `litellm:${createHash("sha256").update(body).digest("hex").slice(0, 8)}`;
    expect(result).toMatchObject({
      status: "updated",
      update: { format: "litellm", pricingVersion: version },
    });
    expect(registry.costOf({ provider: "openai", model: "gpt-4o", usage: MILLION })).toMatchObject({
      total: 15,
      modelId: "gpt-4o",
      pricingVersion: version,
    });
    // A model the map does not price stays priced by the bundled catalog, under the new version.
    expect(registry.pricingVersion).toBe(version);
  });

  it("gives a changed map a new version", async () => {
    const first = await parsePriceFile({ body: JSON.stringify(snapshot.models), url: MAP_URL });
    const second = await parsePriceFile({ body: repricedMap(), url: MAP_URL });
    expect(first.pricingVersion).toMatch(/^litellm:[0-9a-f]{8}$/);
    expect(second.pricingVersion).not.toBe(first.pricingVersion);
    expect(first.format).toBe("litellm");
    expect(first.fileEntries).toBeGreaterThan(1000);
  });

  it("refuses a hand-written map of a few models as partial, keeping the bundled prices", async () => {
    const small = {
      "gpt-4o": {
        litellm_provider: "openai",
        mode: "chat",
        input_cost_per_token: 2.5e-6,
        output_cost_per_token: 1e-5,
        cache_read_input_token_cost: 1.25e-6,
      },
      "gpt-4o-mini": {
        litellm_provider: "openai",
        mode: "chat",
        input_cost_per_token: 1.5e-7,
        output_cost_per_token: 6e-7,
      },
    };
    const server = await startPriceFileServer(() => ({ body: JSON.stringify(small) }));
    cleanups.push(() => server.close());
    const registry = createPriceRegistry();
    const errors: PriceRefreshError[] = [];
    const refresh = startPriceRefresh({ url: server.url, registry, onError: (error) => errors.push(error) });
    cleanups.push(() => refresh.stop());
    expect((await refresh.refreshNow()).status).toBe("failed");
    expect(errors[0]?.message).toMatch(
      /looks partial: 2 current entries for openai, where the bundled catalog has \d+/,
    );
    expect(registry.pricingVersion).toBe(PRICING_VERSION);
  });

  it("refuses an object that is not LiteLLM's map, saying so", async () => {
    await expect(
      parsePriceFile({ body: JSON.stringify({ "gpt-4o": { price: 1 } }), url: MAP_URL }),
    ).rejects.toThrow(/no LiteLLM entries \(objects with a `litellm_provider`\)/);
  });

  it("takes a moment, measured: parse, convert, merge and swap the whole map", async () => {
    const body = JSON.stringify(snapshot.models);
    const registry = createPriceRegistry();
    const startedAt = performance.now();
    registry.replaceCatalog(await parsePriceFile({ body, url: MAP_URL }));
    const elapsed = performance.now() - startedAt;
    console.log(`LiteLLM map: ${body.length} bytes loaded in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(5_000);
  });
});
