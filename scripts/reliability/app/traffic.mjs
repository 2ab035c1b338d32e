// Sustained wrapped traffic (plain, streamed, aborted, broken-off calls) while the OTLP endpoint is
// down, slow, failing or recovering. Measures the app's latency against the raw client, memory after
// GC, and unhandled rejections; the orchestrator counts what the endpoint received and times the exit.
// The script ends by returning, as most scripts do: init()'s exit hook has to flush within its bound.
import { init } from "@sightline/node";
import { observeOpenAI } from "@sightline/openai";
import OpenAI from "openai";
import {
  CALL_KINDS,
  countUnhandled,
  emitResult,
  measureMemoryAfterGc,
  openaiCall,
  quantile,
  runCalls,
} from "./common.mjs";

const unhandled = countUnhandled();
const calls = Number(process.env.CALLS ?? 2000);
const concurrency = Number(process.env.CONCURRENCY ?? 8);
const rounds = 4;
const telemetry = init({
  serviceName: "reliability-traffic",
  endpoint: process.env.OTLP_ENDPOINT,
  metricExportIntervalMs: 1000,
  shutdownTimeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 2000),
});
const options = { apiKey: "test-key", baseURL: `${process.env.MOCK_URL}/v1`, maxRetries: 0 };
const raw = new OpenAI(options);
// The mock stands in for api.openai.com: on loopback it would be reported as openai_compatible.
const wrapped = observeOpenAI(new OpenAI(options), { providerName: "openai" });
const kindOf = (index) => CALL_KINDS[index % CALL_KINDS.length];

// Warm both paths up so the JIT has settled before anything is compared.
await runCalls({ count: 400, concurrency, call: (index) => openaiCall(raw, kindOf(index)) });
await runCalls({ count: 400, concurrency, call: (index) => openaiCall(wrapped, kindOf(index)) });
const before = await measureMemoryAfterGc();

// Interleaved rounds, so a slow moment of the machine lands on both sides.
const rawDurations = [];
const wrappedDurations = [];
const perRound = Math.ceil(calls / rounds);
for (let round = 0; round < rounds; round++) {
  rawDurations.push(
    ...(await runCalls({ count: perRound, concurrency, call: (index) => openaiCall(raw, kindOf(index)) })),
  );
  wrappedDurations.push(
    ...(await runCalls({
      count: perRound,
      concurrency,
      call: (index) => openaiCall(wrapped, kindOf(index)),
    })),
  );
}
const after = await measureMemoryAfterGc();
emitResult({
  wrappedCalls: 400 + perRound * rounds,
  latencyRatioP50: quantile(wrappedDurations, 0.5) / quantile(rawDurations, 0.5),
  latencyRatioP99: quantile(wrappedDurations, 0.99) / quantile(rawDurations, 0.99),
  heapBefore: before.heapUsed,
  heapAfter: after.heapUsed,
  rssBefore: before.rss,
  rssAfter: after.rss,
  telemetryStarted: telemetry.started,
  unhandledRejections: unhandled.unhandledRejections,
  uncaughtExceptions: unhandled.uncaughtExceptions,
  unhandledSamples: unhandled.samples,
});
