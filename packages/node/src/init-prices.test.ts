import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { context, metrics, propagation, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { createPriceRegistry, getDefaultPriceRegistry } from "@sightline/core";
import { observeOpenAI } from "@sightline/openai";
import { type MockLLMServer, startMockLLMServer, startStaticFileServer } from "@sightline/testing";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { init } from "./init.js";
import { getClosedPort, startFaultyCollector } from "./start-faulty-collector.js";
import type { SightlineTelemetry } from "./types.js";

// init() refreshes the process-wide registry, which every wrapper prices with; this file has its own module
// state (vitest isolates files), so the registry starts bundled here.
let llm: MockLLMServer;
let telemetry: SightlineTelemetry | undefined;
const logged: string[] = [];
const log = (message: string) => logged.push(message);
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  llm = await startMockLLMServer();
});
afterAll(() => llm.close());
afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
  for (const close of closers.splice(0)) await close();
  logged.length = 0;
  trace.disable();
  metrics.disable();
  context.disable();
  propagation.disable();
});

/** Serves a sightline.prices/v1 file: the bundled OpenAI entries, gpt-4o-mini at $1 / $2 per 1M tokens. */
async function servePriceFile(pricingVersion: string): Promise<string> {
  const entries = createPriceRegistry()
    .listModels("openai")
    .map((entry) => (entry.id === "gpt-4o-mini" ? { ...entry, prices: { input: "1", output: "2" } } : entry));
  const server = await startStaticFileServer({
    body: JSON.stringify({ format: "sightline.prices/v1", pricingVersion, entries }),
    name: "prices.json",
  });
  closers.push(server.close);
  return server.url;
}

describe("init() and the run-time price refresh", () => {
  it("SIGHTLINE_PRICES_URL refreshes the prices every wrapped client uses; the span says the file's version", async () => {
    const url = await servePriceFile("init-prices-1");
    const captured = new InMemorySpanExporter();
    telemetry = init({
      exporter: "none",
      spanProcessors: [new SimpleSpanProcessor({ exporter: captured })],
      flushOnExit: false,
      log,
      env: { SIGHTLINE_PRICES_URL: url },
    });
    expect(telemetry.prices).toBeDefined();
    await expect
      .poll(() => getDefaultPriceRegistry().pricingVersion, { timeout: 5_000 })
      .toBe("init-prices-1");
    const openai = observeOpenAI(new OpenAI({ apiKey: "test", baseURL: llm.openaiBaseURL, maxRetries: 0 }), {
      providerName: "openai",
    });
    llm.enqueue({ text: "Paris.", usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } });
    await openai.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Hi" }],
    });
    await telemetry.flush();
    const [span] = captured.getFinishedSpans();
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.cost": 3,
      "sightline.pricing.version": "init-prices-1",
    });
    expect(logged).toEqual([]);
    await telemetry.shutdown();
    expect(telemetry.prices?.status().stopped).toBe(true);
  });

  it("says a failed load once through the logger, not on every attempt", async () => {
    const url = `http://127.0.0.1:${await getClosedPort()}/prices.json`;
    telemetry = init({ exporter: "none", metrics: "none", flushOnExit: false, log, prices: { url } });
    await telemetry.prices?.refreshNow();
    await telemetry.prices?.refreshNow();
    const said = logged.filter((message) => message.includes("not loaded"));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /^prices from http:\/\/127\.0\.0\.1:\d+\/prices\.json not loaded, keeping .+: the request failed/,
    );
  });

  it("a malformed variable throws before anything is registered, naming it and the fix", () => {
    expect(() =>
      init({
        exporter: "none",
        flushOnExit: false,
        log,
        env: { SIGHTLINE_PRICES_URL: "https://p.example/p.json", SIGHTLINE_PRICES_REFRESH_INTERVAL: "10s" },
      }),
    ).toThrow(
      /prices\.intervalMs: "10s" \(from SIGHTLINE_PRICES_REFRESH_INTERVAL\) is not a number of milliseconds from 60000/,
    );
    expect(() =>
      init({ exporter: "none", flushOnExit: false, log, env: {}, prices: { url: "prices.json" } }),
    ).toThrow(/prices\.url: "prices\.json" is not an http\(s\) URL/);
    expect(trace.getTracerProvider().constructor.name).toBe("ProxyTracerProvider");
  });
});

describe("a script with a price URL exits on its own (child process, built package)", () => {
  const packageDirectory = fileURLToPath(new URL("..", import.meta.url));

  /** Runs `init()` in a bare child process; resolves with its exit code, time to exit, and stderr. */
  async function run(options: { initOptions: string; env: Record<string, string> }) {
    if (!existsSync(`${packageDirectory}/dist/index.js`)) {
      throw new Error("build @sightline/node first: pnpm exec turbo run build --filter=@sightline/node");
    }
    const code = `
      import { init } from "./dist/index.js";
      init({ exporter: "none", metrics: "none", ${options.initOptions} });
    `;
    const started = performance.now();
    const child = spawn(process.execPath, ["--input-type=module", "-e", code], {
      cwd: packageDirectory,
      env: { PATH: process.env.PATH ?? "", ...options.env },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exitCode = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    return { exitCode, elapsedMs: performance.now() - started, stderr };
  }

  it("after loading the file: the next load's timer never keeps it alive", async () => {
    const url = await servePriceFile("child-1");
    const result = await run({ initOptions: "", env: { SIGHTLINE_PRICES_URL: url } });
    expect(result.exitCode).toBe(0);
    expect(result.elapsedMs).toBeLessThan(4_000);
    expect(result.stderr).toBe("");
  });

  it("with a server that never answers: it lives at most timeoutMs longer, then says so and exits", async () => {
    const hanging = await startFaultyCollector({ behave: () => "hang" });
    closers.push(() => hanging.close());
    const url = `${hanging.url}/prices.json`;
    const result = await run({ initOptions: `prices: { url: "${url}", timeoutMs: 1000 }`, env: {} });
    expect(result.exitCode).toBe(0);
    expect(result.elapsedMs).toBeGreaterThan(1_000);
    expect(result.elapsedMs).toBeLessThan(5_000);
    expect(result.stderr).toMatch(
      /\[sightline\] prices from .+ not loaded, keeping .+: no complete answer within timeoutMs \(1000 ms\)/,
    );
  });
});
