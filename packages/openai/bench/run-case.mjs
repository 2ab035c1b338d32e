// One measurement in a fresh process: one client variant (raw or wrapped), one case, one transport,
// as an app would run it. Prints a JSON line with the wall and CPU time per call and the peak RSS.
// Spawned by overhead.bench.mjs, which alternates the variants; not meant to be run by hand.
import { performance } from "node:perf_hooks";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";
import { observeOpenAI } from "../dist/index.js";

const [variant, caseName, transport, callsText] = process.argv.slice(2);
const calls = Number(callsText);
const STREAM_CHUNKS = 50;
const messages = [{ role: "user", content: "Summarise the quarterly report in one line." }];
const cases = {
  chat: (client) => client.chat.completions.create({ model: "gpt-4o-mini", messages }),
  stream: async (client) => {
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const _chunk of stream) {
      // read every chunk, as an app would
    }
  },
  embeddings: (client) =>
    client.embeddings.create({ model: "text-embedding-3-small", input: ["alpha", "beta"] }),
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
  const recorder = new OpenAI({
    apiKey: "bench",
    baseURL: server.openaiBaseURL,
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
  new OpenAI({ apiKey: "bench", baseURL: server.openaiBaseURL, maxRetries: 0, ...(fetchOption ? { fetch: fetchOption } : {}) });
const tracerProvider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: new DiscardingExporter() })] });
const meterProvider = new MeterProvider({ readers: [new PullReader()] });
const client =
  variant === "wrapped"
    ? observeOpenAI(createClient(), { tracerProvider, meterProvider, ...JSON.parse(process.env.BENCH_OPTIONS ?? "{}") })
    : createClient();

const warmup = Math.max(200, Math.floor(calls / 4));
if (transport === "http") enqueueMany(warmup + calls);
for (let index = 0; index < warmup; index++) await cases[caseName](client);
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
for (let index = 0; index < calls; index++) await cases[caseName](client);
const cpu = process.cpuUsage(cpuBefore);
const wall = performance.now() - wallBefore;
await tracerProvider.forceFlush();
await server.close();
process.stdout.write(
  `${JSON.stringify({
    variant,
    caseName,
    transport,
    wall: (wall * 1000) / calls,
    cpu: (cpu.user + cpu.system) / calls,
    peakRssMegabytes: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
