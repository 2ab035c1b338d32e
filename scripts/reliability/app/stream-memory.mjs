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

// A long warm-up, so bounded state that fills over the first calls (drift references, metric series) is full
// before anything is measured: what grows after it is what finished calls leave behind.
await runCalls({ count: Number(process.env.WARMUP ?? 5000), concurrency: 10, call: stream });
// Heap after GC at the start and after each of four equal blocks; the growth is the least-squares slope
// through those points, so one-off allocations and GC timing weigh less than in a single before/after pair.
const points = [{ streams: 0, heap: (await settle()).heapUsed }];
const started = performance.now();
const block = Math.ceil(streams / 4);
for (let done = block; done <= block * 4; done += block) {
  await runCalls({ count: block, concurrency: 10, call: stream });
  const { heapUsed, rss } = await settle();
  points.push({ streams: done, heap: heapUsed, rss });
}
const seconds = (performance.now() - started) / 1000;
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const meanStreams = mean(points.map((point) => point.streams));
const meanHeap = mean(points.map((point) => point.heap));
const slope =
  points.reduce((sum, point) => sum + (point.streams - meanStreams) * (point.heap - meanHeap), 0) /
  points.reduce((sum, point) => sum + (point.streams - meanStreams) ** 2, 0);
const after = points.at(-1);
emitResult({
  client: process.env.CLIENT,
  provider: provider.name,
  seconds,
  streams: block * 4,
  heapGrowth: slope * block * 4,
  rssGrowth: after.rss - points[1].rss,
  unhandledRejections: unhandled.unhandledRejections,
});
await telemetry?.shutdown();
