// Throughput of sightline dev's embedded store, end to end: real OTLP/JSON exports over HTTP to a running
// receiver (50 requests × 1,000 spans), timed until every span is in the store (read back through
// GET /api/status), then the latency of GET /api/traces over the 10,000 stored traces (p50 of 20 requests,
// unfiltered and with filters). Prints figures; nothing asserts a time. Needs node:sqlite (Node 22.13+):
// on an older Node it re-runs itself on Node 22 (fetched like the other suites' Node binaries).
//
//   pnpm --filter sightline bench      (after a build)
import { runOnAtLeast } from "../../../scripts/get-node-binary.mjs";

runOnAtLeast({ minimum: ">=22.13", fallback: "22.23.5", label: "store throughput" });

const { startBenchDevServer } = await import("./start-bench-dev-server.mjs");

const REQUESTS = 50;
const TRACES_PER_REQUEST = 200;
const SPANS_PER_TRACE = 5;
const IN_FLIGHT = 4;
const LATENCY_SAMPLES = 20;
const MODELS = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "gemini-2.5-flash"];
const FEATURES = ["support", "search", "summaries"];

/** One OTLP/JSON export body: `TRACES_PER_REQUEST` traces of a root and GenAI children. */
function createExportBody(requestIndex, startMs) {
  const spans = [];
  for (let traceIndex = 0; traceIndex < TRACES_PER_REQUEST; traceIndex += 1) {
    const number = requestIndex * TRACES_PER_REQUEST + traceIndex;
    const traceId = (number + 1).toString(16).padStart(32, "0");
    const start = BigInt(startMs + number * 10) * 1_000_000n;
    for (let spanIndex = 0; spanIndex < SPANS_PER_TRACE; spanIndex += 1) {
      const isRoot = spanIndex === 0;
      spans.push({
        traceId,
        spanId: (spanIndex + 1).toString(16).padStart(16, "0"),
        ...(isRoot ? {} : { parentSpanId: "1".padStart(16, "0") }),
        name: isRoot ? "POST /chat" : `chat ${MODELS[number % MODELS.length]}`,
        kind: isRoot ? 2 : 3,
        startTimeUnixNano: String(start + BigInt(spanIndex) * 1_000_000n),
        endTimeUnixNano: String(start + BigInt(spanIndex + 200 + (number % 300)) * 1_000_000n),
        attributes: isRoot
          ? [{ key: "http.route", value: { stringValue: "/chat" } }]
          : [
              { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
              { key: "gen_ai.provider.name", value: { stringValue: "openai" } },
              { key: "gen_ai.request.model", value: { stringValue: MODELS[number % MODELS.length] } },
              { key: "gen_ai.usage.input_tokens", value: { intValue: String(100 + (number % 50)) } },
              { key: "gen_ai.usage.output_tokens", value: { intValue: String(20 + (number % 30)) } },
              { key: "gen_ai.usage.cost", value: { doubleValue: 0.0001 * (1 + (number % 7)) } },
              { key: "gen_ai.conversation.id", value: { stringValue: `conv-${number % 500}` } },
              { key: "sightline.feature", value: { stringValue: FEATURES[number % FEATURES.length] } },
            ],
        status: { code: number % 20 === 0 && spanIndex === 1 ? 2 : 0 },
      });
    }
  }
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "bench" } }] },
        scopeSpans: [{ scope: { name: "bench" }, spans }],
      },
    ],
  });
}

async function getJson(url) {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.ceil(sorted.length / 2) - 1];
}

const bench = await startBenchDevServer({ name: "store" });
const { dev } = bench;
try {
  const totalSpans = REQUESTS * TRACES_PER_REQUEST * SPANS_PER_TRACE;
  const startMs = Date.now() - 3_600_000;
  const bodies = Array.from({ length: REQUESTS }, (_, index) => createExportBody(index, startMs));
  const bytes = bodies.reduce((total, body) => total + Buffer.byteLength(body), 0);

  const started = performance.now();
  let next = 0;
  const senders = Array.from({ length: IN_FLIGHT }, async () => {
    while (next < bodies.length) {
      const body = bodies[next];
      next += 1;
      const response = await fetch(`${dev.url}/v1/traces`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      if (response.status !== 200) throw new Error(`export answered ${response.status}`);
      await response.arrayBuffer();
    }
  });
  await Promise.all(senders);
  const answeredMs = performance.now() - started;
  let status = await getJson(`${dev.url}/api/status`);
  while (status.spans < totalSpans && status.dropped === 0) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    status = await getJson(`${dev.url}/api/status`);
  }
  const storedMs = performance.now() - started;

  const latency = async (path) => {
    const samples = [];
    for (let index = 0; index < LATENCY_SAMPLES; index += 1) {
      const at = performance.now();
      await getJson(`${dev.url}${path}`);
      samples.push(performance.now() - at);
    }
    return median(samples);
  };
  const paths = [
    "/api/traces",
    "/api/traces?model=gpt-4o&feature=support",
    "/api/traces?errors=only&minCostUsd=0.0003",
    "/api/traces?q=claude",
    `/api/traces?before=${startMs + 50_000}`,
    "/api/overview",
  ];
  const latencies = [];
  for (const path of paths) latencies.push([path, await latency(path)]);

  console.log(`sightline dev store throughput (Node ${process.versions.node}, file store, WAL)`);
  console.log(
    `  ${REQUESTS} OTLP/JSON exports × ${TRACES_PER_REQUEST * SPANS_PER_TRACE} spans (${(bytes / 1024 / 1024).toFixed(1)} MB), ${IN_FLIGHT} in flight`,
  );
  console.log(
    `  all answered in ${answeredMs.toFixed(0)} ms; all ${status.spans} spans stored in ${storedMs.toFixed(0)} ms`,
  );
  console.log(
    `  stored: ${Math.round(status.spans / (storedMs / 1000)).toLocaleString("en")} spans/s (dropped ${status.dropped})`,
  );
  console.log(`  store: ${status.traces} traces, ${(status.sizeBytes / 1024 / 1024).toFixed(1)} MB`);
  console.log(
    `  API latency, p50 of ${LATENCY_SAMPLES} requests over ${status.traces.toLocaleString("en")} traces:`,
  );
  for (const [path, ms] of latencies) console.log(`    ${path.padEnd(48)} ${ms.toFixed(1)} ms`);
} finally {
  await bench.close();
}
