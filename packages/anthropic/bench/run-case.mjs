// One measurement in a fresh process: alternates batches of calls through a raw client and a
// wrapped one (same case, same transport), so noise from the rest of the machine lands on both
// alike, and prints a JSON line with the median CPU and wall time per call of each. Spawned by
// overhead.bench.mjs; not meant to be run by hand.
import { performance } from "node:perf_hooks";
import Anthropic from "@anthropic-ai/sdk";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { startMockLLMServer } from "@sightline/testing";
import { observeAnthropic } from "../dist/index.js";

const [caseName, transport, callsText] = process.argv.slice(2);
const calls = Number(callsText);
const BATCHES = 100;
const STREAM_CHUNKS = 50;
const messages = [{ role: "user", content: "Summarise the quarterly report in one line." }];
const model = "claude-sonnet-4-20250514";
const cases = {
  chat: (client) => client.messages.create({ model, max_tokens: 200, messages }),
  stream: async (client) => {
    const stream = await client.messages.create({ model, max_tokens: 200, messages, stream: true });
    for await (const _event of stream) {
      // read every event, as an app would
    }
  },
  count_tokens: (client) => client.messages.countTokens({ model, messages }),
};

/** Exports nothing, but only after the SDK has built every span: the cost measured is Sightline's plus the SDK's. */
class DiscardingExporter {
  export(_spans, done) {
    done({ code: 0 });
  }
  shutdown() {
    return Promise.resolve();
  }
}
class PullReader extends MetricReader {
  async onForceFlush() {}
  async onShutdown() {}
}

const server = await startMockLLMServer();
const script = {
  text: "Revenue grew 12% while costs held flat. ".repeat(6),
  chunks: STREAM_CHUNKS,
  usage: { inputTokens: 20, outputTokens: 60 },
};
const enqueueMany = (count) => {
  for (let index = 0; index < count; index++) server.enqueue(script);
};

let fetchOption;
if (transport === "in-process") {
  // Record each case's bytes once over HTTP, then replay them from memory: no socket, no server.
  const recorded = new Map();
  const recordingFetch = async (url, init) => {
    const response = await fetch(url, init);
    const body = new Uint8Array(await response.arrayBuffer());
    recorded.set(new URL(url).pathname + (JSON.parse(init.body).stream ? ":stream" : ""), {
      body,
      headers: [...response.headers],
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  const recorder = new Anthropic({
    apiKey: "bench",
    baseURL: server.url,
    maxRetries: 0,
    fetch: recordingFetch,
  });
  enqueueMany(1);
  await cases[caseName](recorder);
  fetchOption = async (url, init) => {
    const entry = recorded.get(new URL(url).pathname + (JSON.parse(init.body).stream ? ":stream" : ""));
    const frames = splitFrames(entry.body);
    const body = new ReadableStream({
      pull(controller) {
        const frame = frames.shift();
        if (frame) controller.enqueue(frame);
        else controller.close();
      },
    });
    return new Response(body, { status: 200, headers: entry.headers });
  };
}

function splitFrames(bytes) {
  // One network read per SSE event, like a real stream; a JSON body is one read.
  const text = new TextDecoder().decode(bytes);
  if (!text.startsWith("data:") && !text.startsWith("event:")) return [bytes];
  const encoder = new TextEncoder();
  return text.split(/(?<=\n\n)/).map((frame) => encoder.encode(frame));
}

const createClient = () =>
  new Anthropic({
    apiKey: "bench",
    baseURL: server.url,
    maxRetries: 0,
    ...(fetchOption ? { fetch: fetchOption } : {}),
  });
const tracerProvider = new TracerProvider({
  spanProcessors: [new SimpleSpanProcessor({ exporter: new DiscardingExporter() })],
});
const meterProvider = new MeterProvider({ readers: [new PullReader()] });
const clients = {
  raw: createClient(),
  wrapped: observeAnthropic(createClient(), {
    tracerProvider,
    meterProvider,
    ...JSON.parse(process.env.BENCH_OPTIONS ?? "{}"),
  }),
};

const batchSize = Math.max(1, Math.floor(calls / BATCHES));
if (transport === "http") enqueueMany(2 * batchSize * (BATCHES + 4));
const runBatch = async (variant) => {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  for (let index = 0; index < batchSize; index++) await cases[caseName](clients[variant]);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    cpu: (cpu.user + cpu.system) / batchSize,
    wall: ((performance.now() - wallBefore) * 1000) / batchSize,
  };
};
// Warm both paths up (JIT, connection pools) before measuring.
for (let index = 0; index < 4; index++) {
  await runBatch("raw");
  await runBatch("wrapped");
}
// Paired samples: each wrapped batch is compared with the raw batch run right beside it, so a
// slow moment of the machine cancels out instead of landing on one side.
const pairs = [];
for (let batch = 0; batch < BATCHES; batch++) {
  const order = batch % 2 ? ["wrapped", "raw"] : ["raw", "wrapped"];
  const result = {};
  for (const variant of order) result[variant] = await runBatch(variant);
  pairs.push(result);
}
await tracerProvider.forceFlush();
await server.close();
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
process.stdout.write(
  `${JSON.stringify({
    caseName,
    transport,
    raw: { cpu: median(pairs.map((pair) => pair.raw.cpu)), wall: median(pairs.map((pair) => pair.raw.wall)) },
    extra: {
      cpu: median(pairs.map((pair) => pair.wrapped.cpu - pair.raw.cpu)),
      wall: median(pairs.map((pair) => pair.wrapped.wall - pair.raw.wall)),
    },
    peakRssMegabytes: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
