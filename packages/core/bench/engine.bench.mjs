// The engine's own cost per operation and per stream chunk, with no SDK and no I/O: what
// Sightline adds on the CPU, feature by feature, measured in one process as the best of several
// rounds (the minimum is the figure least disturbed by the rest of a shared machine). Metrics go
// to Sightline's own aggregation, registered on the reader as init() does; one last row shows an
// app's own MeterProvider (metrics through the API instruments). Garbage-collection time is
// read from the 'gc' performance entries while the plain operations run.

import { PerformanceObserver } from "node:perf_hooks";
import { createBenchProviders } from "@sightline/testing/bench";
import { createSightlineMetricProducer } from "../dist/index.js";
import { ChunkFlags, createInstrumentation, followStream } from "../dist/provider.js";

const producer = createSightlineMetricProducer();
const { tracerProvider, meterProvider } = createBenchProviders({ metricProducers: [producer] });
producer.attachTo(meterProvider);
const { meterProvider: appMeterProvider } = createBenchProviders();
const OPERATIONS = 20_000;
const CHUNKS = 50;
const ROUNDS = 7;

const request = { operation: "chat", model: "gpt-4o-mini", parameters: { temperature: 0.2, maxTokens: 256 } };
const target = { provider: "openai", serverAddress: "api.openai.com", serverPort: 443 };
const response = (index) => ({
  id: "chatcmpl-1",
  model: "gpt-4o-mini-2024-07-18",
  finishReasons: ["stop"],
  usage: { inputTokens: 120 + (index % 13), outputTokens: 40 + (index % 7), cacheReadInputTokens: 0 },
});
const best = async (run) => {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) fastest = Math.min(fastest, await run());
  return fastest;
};
// The span processor finishes each export in a microtask: a loop that never yields would pile up
// every span of the round in memory and measure the garbage collector instead of the engine.
const YIELD_EVERY = 200;
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

// Garbage-collection pauses, summed while `gcWatch.active` is set.
const gcWatch = { active: false, milliseconds: 0 };
const gcObserver = new PerformanceObserver((list) => {
  if (!gcWatch.active) return;
  for (const entry of list.getEntries()) gcWatch.milliseconds += entry.duration;
});
gcObserver.observe({ entryTypes: ["gc"] });
const flushGcEntries = () => new Promise((resolve) => setTimeout(resolve, 0));

const TARGETS = { plain: 5, chunk: 1 };
const variants = [
  ["spans only", { metrics: false, cost: false, drift: false }],
  ["+ metrics", { cost: false, drift: false }],
  ["+ cost", { drift: false }],
  ["+ drift (everything on)", {}],
  ["everything on, chunkTimingMetric off", { chunkTimingMetric: false }],
  ["everything on, app's own MeterProvider (API instruments)", { meterProvider: appMeterProvider }],
];
console.log(`\nSightline engine cost without I/O (best of ${ROUNDS} rounds, Node ${process.version})\n`);
console.log(
  `| features | µs per plain operation | µs per chunk of a ${CHUNKS}-chunk stream, all included | GC ms per 10k plain operations |`,
);
console.log("| --- | --- | --- | --- |");
const results = new Map();
for (const [label, options] of variants) {
  const instrumentation = createInstrumentation({
    scopeName: "bench",
    scopeVersion: "0",
    options: { tracerProvider, meterProvider, ...options },
  });
  await flushGcEntries();
  gcWatch.milliseconds = 0;
  gcWatch.active = true;
  const plain = await best(async () => {
    const started = performance.now();
    for (let index = 0; index < OPERATIONS; index++) {
      if (index % YIELD_EVERY === 0) await yieldToEventLoop();
      instrumentation.traceOperation({
        request,
        target,
        invoke: () => index,
        observe: (_result, operation) => operation.succeed(response(index)),
      });
    }
    return ((performance.now() - started) * 1000) / OPERATIONS;
  });
  await flushGcEntries();
  gcWatch.active = false;
  const gcPer10k = (gcWatch.milliseconds * 10_000) / (OPERATIONS * ROUNDS);
  const perChunk = await (async () => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let round = 0; round < ROUNDS; round++) {
      const timings = { bare: Number.POSITIVE_INFINITY, followed: Number.POSITIVE_INFINITY };
      for (const mode of ["bare", "followed", "followed", "bare"]) {
        const started = performance.now();
        for (let stream = 0; stream < 400; stream++) {
          const source = async function* () {
            for (let chunk = 0; chunk < CHUNKS; chunk++) yield chunk;
          };
          let iterate = () => source();
          if (mode === "followed") {
            let operation;
            instrumentation.traceOperation({
              request: { ...request, stream: true },
              target,
              invoke: () => undefined,
              observe: (_result, started) => {
                operation = started;
              },
            });
            iterate = followStream({
              operation,
              iterate,
              accumulator: {
                add: () => ChunkFlags.Output,
                finish: () => response(stream),
                mayHideChunks: false,
              },
              abandonedAfterMs: 60_000,
            });
          }
          const iterator = iterate();
          while (!(await iterator.next()).done) {}
        }
        timings[mode] = Math.min(timings[mode], ((performance.now() - started) * 1000) / (400 * CHUNKS));
      }
      // Per chunk: the followed stream's time minus the bare generator's, the stream's own span,
      // metrics, cost and drift included (spread over its 50 chunks).
      fastest = Math.min(fastest, timings.followed - timings.bare);
    }
    return fastest;
  })();
  results.set(label, { plain, perChunk });
  console.log(`| ${label} | ${plain.toFixed(2)} | ${perChunk.toFixed(3)} | ${gcPer10k.toFixed(1)} |`);
}
const everything = results.get("+ drift (everything on)");
const met = everything.plain <= TARGETS.plain && everything.perChunk <= TARGETS.chunk;
console.log(
  `\nverdict: ${met ? "MET" : "MISSED"}: everything on ${everything.plain.toFixed(2)} µs per plain operation (target ≤ ${TARGETS.plain}), ${everything.perChunk.toFixed(3)} µs per chunk (target ≤ ${TARGETS.chunk})`,
);
gcObserver.disconnect();
await tracerProvider.shutdown();
await meterProvider.shutdown();
await appMeterProvider.shutdown();
