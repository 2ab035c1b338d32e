import { PerformanceObserver, performance } from "node:perf_hooks";
import type { MeterProvider, MetricProducer } from "@opentelemetry/sdk-metrics";
import type { SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";
import { startMockLLMServer } from "../start-mock-llm-server.js";
import type { MockLLMServer, MockScript } from "../types.js";
import { createBenchProviders } from "./create-bench-providers.js";

/** What a provider's bench runner supplies: how to make its client and call it. */
export interface OverheadCaseOptions<Client> {
  /** Makes a real client aimed at the mock server, with `fetch` when the bytes are replayed in-process. */
  createClient: (options: { server: MockLLMServer; fetch?: typeof fetch }) => Client;
  /** Wraps a client with Sightline, sending telemetry to the given providers (the `wrapped` variant). */
  observe?: (client: Client, providers: OverheadProviders) => Client;
  /**
   * Further named variants (e.g. a peer's instrumentation), each set up once per process before the
   * warm-up; `raw` and `wrapped` are reserved. Default: none.
   */
  variants?: Record<string, (client: Client, providers: OverheadProviders) => Client | Promise<Client>>;
  /**
   * Sightline's own metric aggregation (`createSightlineMetricProducer` from `@sightline/core`) for the
   * variant named, or `undefined` for none: registered on that variant's reader and attached to its meter
   * provider as `init()` does. Never called for `raw`, nor when `SIGHTLINE_BENCH_APP_METER_PROVIDER=1`, which
   * measures an app's own meter provider (the API instruments) instead.
   */
  createMetricProducer?: (variant: string) => { attachTo(meterProvider: MeterProvider): void } | undefined;
  /** One call of each case, reading the whole result as an app would. */
  cases: Record<string, (client: Client) => Promise<unknown>>;
  /**
   * `process.argv.slice(2)`: variant (`raw`, `wrapped` or a key of `variants`), case, transport (`in-process` | `http`),
   * calls, and optionally the warm-up calls (default: as many as the calls, at least 2,000).
   */
  argv: string[];
}

/** Where a variant sends its telemetry: spans built by the SDK then discarded, metrics kept in memory. */
export interface OverheadProviders {
  tracerProvider: TracerProvider;
  meterProvider: MeterProvider;
  /** The exporter behind `tracerProvider`, for variants that build their own span pipeline. */
  spanExporter: SpanExporter;
}

/** A measurement, as printed on the runner's one line of output. */
export interface OverheadCaseResult {
  variant: string;
  caseName: string;
  transport: string;
  /** Wall time per call, microseconds (mean). */
  wall: number;
  /** Median wall time of one call, microseconds. */
  p50: number;
  /** CPU time per call, microseconds (V8's parallel GC threads included). */
  cpu: number;
  /** Garbage-collection pauses per call, microseconds (mean over the measured calls). */
  gc: number;
  peakRssMegabytes: number;
}

// Kept before any runner can replace the global (clients without a fetch option are fed through it).
const realFetch = globalThis.fetch;

const SCRIPT: MockScript = {
  text: "Revenue grew 12% while costs held flat. ".repeat(6),
  chunks: 50,
  usage: { inputTokens: 20, outputTokens: 60 },
};

/**
 * One measurement in a fresh process, as an app would run: one client (raw or wrapped with every
 * Sightline feature on), one case, one transport, `calls` calls after a warm-up. Prints one JSON
 * line ({@link OverheadCaseResult}) for `runOverheadBenchmark`, which spawns it.
 */
export async function runOverheadCase<Client>(
  options: OverheadCaseOptions<Client>,
): Promise<OverheadCaseResult> {
  const [variant = "raw", caseName = "", transport = "in-process", callsText = "1000", warmupText] =
    options.argv;
  const call = options.cases[caseName];
  if (!call) throw new Error(`unknown case "${caseName}"; cases: ${Object.keys(options.cases).join(", ")}`);
  const calls = Number(callsText);
  const warmup = warmupText === undefined ? Math.max(2000, calls) : Math.max(2000, Number(warmupText));
  const server = await startMockLLMServer();
  const replay = transport === "in-process" ? await recordOnce({ server, options, call }) : undefined;
  const producer =
    variant !== "raw" && process.env.SIGHTLINE_BENCH_APP_METER_PROVIDER !== "1"
      ? options.createMetricProducer?.(variant)
      : undefined;
  const providers: OverheadProviders = createBenchProviders(
    producer ? { metricProducers: [producer as unknown as MetricProducer] } : {},
  );
  producer?.attachTo(providers.meterProvider);
  const { tracerProvider } = providers;
  const raw = options.createClient({ server, fetch: replay });
  const setup = variant === "wrapped" ? options.observe : options.variants?.[variant];
  if (variant !== "raw" && !setup) throw new Error(`unknown variant "${variant}"`);
  const client = setup ? await setup(raw, providers) : raw;
  if (transport === "http") for (let index = 0; index < warmup + calls; index++) server.enqueue(SCRIPT);

  for (let index = 0; index < warmup; index++) await call(client);
  // Each call is timed alone too (for the median); the clock read costs every variant the same.
  const durations = new Float64Array(calls);
  const gc = watchGarbageCollection();
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  for (let index = 0; index < calls; index++) {
    const started = performance.now();
    await call(client);
    durations[index] = performance.now() - started;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const wall = performance.now() - wallBefore;
  const gcMilliseconds = await gc.stop();
  durations.sort();
  await tracerProvider.forceFlush();
  await server.close();
  const result: OverheadCaseResult = {
    variant,
    caseName,
    transport,
    wall: (wall * 1000) / calls,
    p50: (durations[Math.floor(calls / 2)] ?? 0) * 1000,
    cpu: (cpu.user + cpu.system) / calls,
    gc: (gcMilliseconds * 1000) / calls,
    peakRssMegabytes: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}

/**
 * Sums the pauses of every garbage collection from now until `stop()`, in milliseconds. The entries are
 * delivered after the fact, so `stop` waits a turn of the event loop for the last ones.
 */
function watchGarbageCollection(): { stop(): Promise<number> } {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) total += entry.duration;
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    async stop() {
      await new Promise((resolve) => setImmediate(resolve));
      for (const entry of observer.takeRecords()) total += entry.duration;
      observer.disconnect();
      return total;
    },
  };
}

/**
 * Records the case's response once over HTTP, then returns a `fetch` that replays those bytes from
 * memory — no socket, no server — one network read per SSE event (or NDJSON line), like a real stream.
 */
async function recordOnce<Client>(context: {
  server: MockLLMServer;
  options: OverheadCaseOptions<Client>;
  call: (client: Client) => Promise<unknown>;
}): Promise<typeof fetch> {
  let recorded: { frames: Uint8Array[]; headers: [string, string][]; status: number } | undefined;
  const recordingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await realFetch(input, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    recorded = {
      frames: splitFrames(bytes, response.headers.get("content-type") ?? ""),
      headers: [...response.headers],
      status: response.status,
    };
    return new Response(bytes, { status: response.status, headers: response.headers });
  }) as typeof fetch;
  context.server.enqueue(SCRIPT);
  await context.call(context.options.createClient({ server: context.server, fetch: recordingFetch }));
  const { frames, headers, status } = recorded ?? { frames: [], headers: [], status: 500 };
  return (async () => {
    let next = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const frame = frames[next++];
        if (frame) controller.enqueue(frame);
        else controller.close();
      },
    });
    return new Response(body, { status, headers });
  }) as typeof fetch;
}

function splitFrames(bytes: Uint8Array, contentType: string): Uint8Array[] {
  const text = new TextDecoder().decode(bytes);
  const encoder = new TextEncoder();
  // Streamed NDJSON (Ollama): one read per line.
  if (contentType.includes("ndjson")) return text.split(/(?<=\n)/).map((line) => encoder.encode(line));
  if (!text.startsWith("data:") && !text.startsWith("event:")) return [bytes];
  return text.split(/(?<=\n\n)/).map((frame) => encoder.encode(frame));
}
