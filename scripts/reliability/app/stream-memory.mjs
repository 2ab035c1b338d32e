// Memory a finished stream leaves behind: the same number of streams read to the end, through the raw
// client (CLIENT=raw) or the wrapped one with init() exporting (CLIENT=wrapped), measured after GC.
// The orchestrator compares the two processes' growth per 10,000 streams.
import { init } from "@sightline/node";
import { observeOpenAI } from "@sightline/openai";
import OpenAI from "openai";
import { countUnhandled, emitResult, measureMemoryAfterGc, openaiCall, runCalls } from "./common.mjs";

const unhandled = countUnhandled();
const streams = Number(process.env.STREAMS ?? 10_000);
const wrappedClient = process.env.CLIENT === "wrapped";
const telemetry = wrappedClient
  ? init({
      serviceName: "reliability-memory",
      endpoint: process.env.OTLP_ENDPOINT,
      metricExportIntervalMs: 1000,
    })
  : undefined;
const base = new OpenAI({ apiKey: "test-key", baseURL: `${process.env.MOCK_URL}/v1`, maxRetries: 0 });
const client = wrappedClient ? observeOpenAI(base) : base;
const settle = async () => {
  await telemetry?.flush();
  return measureMemoryAfterGc();
};

await runCalls({ count: 1000, concurrency: 10, call: () => openaiCall(client, "streamed") });
const before = await settle();
const started = performance.now();
await runCalls({ count: streams, concurrency: 10, call: () => openaiCall(client, "streamed") });
const seconds = (performance.now() - started) / 1000;
const after = await settle();
emitResult({
  client: process.env.CLIENT,
  streams,
  seconds,
  heapGrowth: after.heapUsed - before.heapUsed,
  rssGrowth: after.rss - before.rss,
  unhandledRejections: unhandled.unhandledRejections,
});
await telemetry?.shutdown();
