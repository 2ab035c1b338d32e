// One measurement in a fresh process: alternates batches of calls through a raw client and a
// wrapped one (same case, same transport), so noise from the rest of the machine lands on both
// alike, and prints a JSON line with the median CPU and wall time per call of each. Spawned by
// overhead.bench.mjs; not meant to be run by hand.
import { performance } from "node:perf_hooks";
import { GoogleGenAI } from "@google/genai";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { startMockLLMServer } from "@sightline/testing";
import { observeGoogleGenAI } from "../dist/index.js";

const [caseName, transport, callsText] = process.argv.slice(2);
const calls = Number(callsText);
const BATCHES = 100;
const STREAM_CHUNKS = 50;
const model = "gemini-2.5-flash";
const contents = "Summarise the quarterly report in one line.";
const cases = {
  generate: (client) => client.models.generateContent({ model, contents }),
  stream: async (client) => {
    for await (const _chunk of await client.models.generateContentStream({ model, contents })) {
      // read every chunk, as an app would
    }
  },
  embeddings: (client) =>
    client.models.embedContent({ model: "text-embedding-004", contents: ["alpha", "beta"] }),
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
const createClient = () => new GoogleGenAI({ apiKey: "bench", httpOptions: { baseUrl: server.url } });

if (transport === "in-process") {
  // @google/genai takes no fetch option: record each case's bytes once over HTTP, then replay them
  // from memory through the global fetch, which both clients of this process use alike.
  const realFetch = globalThis.fetch;
  const recorded = new Map();
  globalThis.fetch = async (url, init) => {
    const response = await realFetch(url, init);
    const body = new Uint8Array(await response.arrayBuffer());
    recorded.set(new URL(String(url)).pathname, { body, headers: [...response.headers] });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  enqueueMany(1);
  await cases[caseName](createClient());
  globalThis.fetch = async (url) => {
    const entry = recorded.get(new URL(String(url)).pathname);
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
  if (!text.startsWith("data:")) return [bytes];
  const encoder = new TextEncoder();
  return text.split(/(?<=\n\n)/).map((frame) => encoder.encode(frame));
}

const tracerProvider = new TracerProvider({
  spanProcessors: [new SimpleSpanProcessor({ exporter: new DiscardingExporter() })],
});
const meterProvider = new MeterProvider({ readers: [new PullReader()] });
const clients = {
  raw: createClient(),
  wrapped: observeGoogleGenAI(createClient(), {
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
// Paired samples: each wrapped batch is compared with the raw batch run right beside it.
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
