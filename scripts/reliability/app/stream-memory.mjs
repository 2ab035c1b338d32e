// Memory a finished stream leaves behind: the same number of streams read to the end, through the raw
// client (CLIENT=raw) or the wrapped one with init() exporting (CLIENT=wrapped), of one provider
// (PROVIDER=openai|anthropic|google-genai), measured after GC. The orchestrator compares the two
// processes' growth per 10,000 streams.
import { init } from "@sightline/node";
import { countUnhandled, emitResult, measureMemoryAfterGc, runCalls } from "./common.mjs";
import { PROVIDERS } from "./providers.mjs";

const unhandled = countUnhandled();
const streams = Number(process.env.STREAMS ?? 10_000);
const wrappedClient = process.env.CLIENT === "wrapped";
const provider = PROVIDERS.find((candidate) => candidate.name === (process.env.PROVIDER ?? "openai"));
const telemetry = wrappedClient
  ? init({
      serviceName: "reliability-memory",
      endpoint: process.env.OTLP_ENDPOINT,
      metricExportIntervalMs: 1000,
    })
  : undefined;
const base = provider.createClient({ baseURL: process.env.MOCK_URL });
const client = wrappedClient ? provider.wrap(base, {}) : base;
const stream = () => provider.call(client, { stream: true });
const settle = async () => {
  await telemetry?.flush();
  return measureMemoryAfterGc();
};

await runCalls({ count: 1000, concurrency: 10, call: stream });
const before = await settle();
const started = performance.now();
await runCalls({ count: streams, concurrency: 10, call: stream });
const seconds = (performance.now() - started) / 1000;
const after = await settle();
emitResult({
  client: process.env.CLIENT,
  provider: provider.name,
  streams,
  seconds,
  heapGrowth: after.heapUsed - before.heapUsed,
  rssGrowth: after.rss - before.rss,
  unhandledRejections: unhandled.unhandledRejections,
});
await telemetry?.shutdown();
