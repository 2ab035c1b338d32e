import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type DiagLogger, DiagLogLevel, diag } from "@opentelemetry/api";
import { createPriceRegistry, PRICING_VERSION } from "@sightline/pricing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import { createGenAISpanEnricher } from "../stacking/create-genai-span-enricher.js";
import { startConfiguredPriceRefresh } from "./start-configured-price-refresh.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.unstubAllEnvs();
  diag.disable();
});

/** A loopback server answering every request with `body`; counts requests. */
async function serve(body: string): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server: Server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/p.json`,
    requests: () => requests,
  };
}

function openaiFile(pricingVersion: string): string {
  const entries = createPriceRegistry().listModels("openai");
  return JSON.stringify({ format: "sightline.prices/v1", pricingVersion, entries });
}

function captureDiag(): string[] {
  const messages: string[] = [];
  const record = (message: string) => messages.push(message);
  const logger: DiagLogger = {
    error: record,
    warn: record,
    info: record,
    debug: () => {},
    verbose: () => {},
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.INFO, suppressOverrideMessage: true });
  return messages;
}

const settings = (url: string) => ({ url, intervalMs: 60_000, timeoutMs: 2_000, maxBytes: undefined });

describe("startConfiguredPriceRefresh", () => {
  it("runs one refresher per registry, however many wrappers ask", async () => {
    const server = await serve(openaiFile("shared-1"));
    const registry = createPriceRegistry();
    const first = startConfiguredPriceRefresh({ registry, settings: settings(server.url) });
    const second = startConfiguredPriceRefresh({ registry, settings: settings(server.url) });
    cleanups.push(() => first.stop());
    expect(second).toBe(first);
    await first.refreshNow();
    expect(registry.pricingVersion).toBe("shared-1");
    expect(server.requests()).toBe(1);
    first.stop();
    const third = startConfiguredPriceRefresh({ registry, settings: settings(server.url) });
    cleanups.push(() => third.stop());
    expect(third).not.toBe(first);
    expect(third.status().stopped).toBe(false);
  });

  it("says a failure through diag and the log once, not on every attempt, and keeps the prices", async () => {
    const messages = captureDiag();
    const server = await serve("{ cut");
    const registry = createPriceRegistry();
    const logged: string[] = [];
    const refresh = startConfiguredPriceRefresh({
      registry,
      settings: settings(server.url),
      log: (m) => logged.push(m),
    });
    cleanups.push(() => refresh.stop());
    await refresh.refreshNow();
    await refresh.refreshNow();
    const warnings = messages.filter((message) => message.includes("not loaded"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /prices from http:\/\/127\.0\.0\.1:\d+\/p\.json not loaded, keeping .+: the file was refused: the body is not valid JSON/,
    );
    expect(logged).toEqual(warnings.map((warning) => warning.replace(/^sightline: /, "")));
    expect(registry.pricingVersion).toBe(PRICING_VERSION);
  });
});

describe("createInstrumentation with SIGHTLINE_PRICES_URL", () => {
  it("refreshes the registry the cost finisher uses from the variable", async () => {
    const server = await serve(openaiFile("from-env-3"));
    vi.stubEnv("SIGHTLINE_PRICES_URL", server.url);
    const registry = createPriceRegistry();
    createInstrumentation({ scopeName: "t", scopeVersion: "0", options: { cost: { registry } } });
    await expect.poll(() => registry.pricingVersion, { timeout: 5_000 }).toBe("from-env-3");
  });

  it("refreshes the registry that prices other tools' spans too (span processor without init)", async () => {
    const server = await serve(openaiFile("from-env-4"));
    vi.stubEnv("SIGHTLINE_PRICES_URL", server.url);
    const registry = createPriceRegistry();
    createGenAISpanEnricher({ cost: { registry } });
    await expect.poll(() => registry.pricingVersion, { timeout: 5_000 }).toBe("from-env-4");
  });

  it("throws at wrap time for a malformed variable, naming it", () => {
    vi.stubEnv("SIGHTLINE_PRICES_URL", "https://p.example/p.json");
    vi.stubEnv("SIGHTLINE_PRICES_REFRESH_INTERVAL", "5s");
    expect(() =>
      createInstrumentation({
        scopeName: "t",
        scopeVersion: "0",
        options: { cost: { registry: createPriceRegistry() } },
      }),
    ).toThrow(/prices\.intervalMs: "5s" \(from SIGHTLINE_PRICES_REFRESH_INTERVAL\)/);
  });

  it("starts nothing with prices: false or cost: false", async () => {
    const server = await serve(openaiFile("never"));
    vi.stubEnv("SIGHTLINE_PRICES_URL", server.url);
    const registry = createPriceRegistry();
    createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: { cost: { registry }, prices: false },
    });
    createInstrumentation({ scopeName: "t", scopeVersion: "0", options: { cost: false } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requests()).toBe(0);
    expect(registry.pricingVersion).toBe(PRICING_VERSION);
  });
});
