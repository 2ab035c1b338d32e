// 1,000 streams in flight at once through one wrapped client, half read to the end and half broken
// off after two chunks, with the OTLP endpoint healthy, down or hanging: every span must end (the
// orchestrator counts them at a healthy endpoint), nothing may be rejected unhandled, memory must come
// back, and the process must still exit within its bound (it ends by returning, as a script does).
import { init } from "@sightline/node";
import { observeOpenAI } from "@sightline/openai";
import OpenAI from "openai";
import { countUnhandled, emitResult, measureMemoryAfterGc, openaiCall } from "./common.mjs";

const unhandled = countUnhandled();
const streams = Number(process.env.STREAMS ?? 1000);
const telemetry = init({
  serviceName: "reliability-concurrent",
  endpoint: process.env.OTLP_ENDPOINT,
  metrics: "none",
});
const client = observeOpenAI(
  new OpenAI({ apiKey: "test-key", baseURL: `${process.env.MOCK_URL}/v1`, maxRetries: 0, timeout: 60_000 }),
  { providerName: "openai" },
);
const before = await measureMemoryAfterGc();
const started = performance.now();
const outcomes = await Promise.allSettled(
  Array.from({ length: streams }, (_, index) => openaiCall(client, index % 2 === 0 ? "streamed" : "broken")),
);
const seconds = (performance.now() - started) / 1000;
// Bounded by shutdownTimeoutMs whatever the endpoint does.
await telemetry.flush();
const after = await measureMemoryAfterGc();
emitResult({
  streams,
  seconds,
  failedCalls: outcomes.filter((outcome) => outcome.status === "rejected").length,
  heapGrowth: after.heapUsed - before.heapUsed,
  rssAfter: after.rss,
  unhandledRejections: unhandled.unhandledRejections,
  unhandledSamples: unhandled.samples,
});
