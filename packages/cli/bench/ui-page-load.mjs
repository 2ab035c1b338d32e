// Page load of sightline dev's web UI over a full store: 10,000 traces (a root and two GenAI calls each,
// varied models and features) exported as OTLP/JSON over HTTP to a running receiver, then 10 cold loads
// (a fresh browser context each) in headless Chromium of the trace list (navigation start → first
// `trace-row` drawn, and → the trace count shown), of one trace's page (→ its waterfall rows) and of the
// overview (→ its KPIs and charts). Prints p50 and p95; nothing asserts a time. Needs node:sqlite
// (Node 22.13+; re-runs itself on Node 22 otherwise) and a Chromium (SIGHTLINE_CHROMIUM, `chromium` on
// PATH or /usr/bin/chromium): without one it prints a skip line.
//
//   pnpm --filter sightline bench      (after a build; runs after store-throughput.mjs)
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { runOnAtLeast } from "../../../scripts/get-node-binary.mjs";

runOnAtLeast({ minimum: ">=22.13", fallback: "22.23.5", label: "UI page load" });

const TRACES = 10_000;
const TRACES_PER_REQUEST = 500;
const LOADS = 10;
const MODELS = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "gemini-2.5-flash", "mistral-large"];
const FEATURES = ["support", "search", "summaries", "checkout-assistant"];

function findChromium() {
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((folder) => join(folder, "chromium"));
  return [process.env.SIGHTLINE_CHROMIUM, ...onPath, "/usr/bin/chromium"].find(
    (candidate) => candidate && existsSync(candidate),
  );
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.log("› UI page load skipped: no Chromium (set SIGHTLINE_CHROMIUM or install the chromium package)");
  process.exit(0);
}

const { chromium } = await import("playwright-core");
const { startBenchDevServer } = await import("./start-bench-dev-server.mjs");

const hex = (number, length) => number.toString(16).padStart(length, "0");
const nanos = (ms) => String(BigInt(Math.round(ms)) * 1_000_000n);
const attribute = (key, value) => ({
  key,
  value:
    typeof value === "string"
      ? { stringValue: value }
      : Number.isInteger(value)
        ? { intValue: String(value) }
        : { doubleValue: value },
});

/** One export: `TRACES_PER_REQUEST` traces of a root span and two GenAI calls, spread over the last day. */
function createExportBody(requestIndex, endMs) {
  const spans = [];
  for (let index = 0; index < TRACES_PER_REQUEST; index += 1) {
    const number = requestIndex * TRACES_PER_REQUEST + index;
    const traceId = hex(number + 1, 32);
    const start = endMs - (TRACES - number) * 8_000;
    const model = MODELS[number % MODELS.length];
    const feature = FEATURES[number % FEATURES.length];
    spans.push({
      traceId,
      spanId: hex(1, 16),
      name: `POST /${feature}`,
      kind: 2,
      startTimeUnixNano: nanos(start),
      endTimeUnixNano: nanos(start + 900 + (number % 400)),
      attributes: [attribute("http.route", `/${feature}`)],
    });
    for (let call = 0; call < 2; call += 1) {
      spans.push({
        traceId,
        spanId: hex(call + 2, 16),
        parentSpanId: hex(1, 16),
        name: `chat ${model}`,
        kind: 3,
        startTimeUnixNano: nanos(start + 10 + call * 450),
        endTimeUnixNano: nanos(start + 400 + call * 450 + (number % 300)),
        attributes: [
          attribute("gen_ai.operation.name", "chat"),
          attribute("gen_ai.provider.name", model.startsWith("claude") ? "anthropic" : "openai"),
          attribute("gen_ai.request.model", model),
          attribute("gen_ai.usage.input_tokens", 100 + (number % 90)),
          attribute("gen_ai.usage.output_tokens", 20 + (number % 60)),
          attribute("gen_ai.usage.cost", 0.0001 * (1 + (number % 7))),
          attribute("gen_ai.conversation.id", `conv-${number % 700}`),
          attribute("sightline.feature", feature),
        ],
        status: { code: number % 25 === 0 && call === 1 ? 2 : 0 },
      });
    }
  }
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [attribute("service.name", "bench-app")] },
        scopeSpans: [{ scope: { name: "bench" }, spans }],
      },
    ],
  });
}

function percentile(values, fraction) {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)];
}

/**
 * Loads `url` in a fresh context (no cache) and returns, per mark, the ms from navigation start until the
 * mark first held on an animation frame, measured in the page (`performance.now()`). All marks are checked
 * on every frame by one poll, so a later mark is not delayed by waiting for an earlier one. A mark is a
 * selector with at least `count` matches (default 1) whose first match's text fits `text` when given. The
 * check is a function, not a string: the UI's CSP has no 'unsafe-eval'.
 */
async function coldLoad(browser, url, marks) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    const handle = await page.waitForFunction(
      (wanted) => {
        if (window.__benchMarks === undefined) window.__benchMarks = {};
        const seen = window.__benchMarks;
        for (const mark of wanted) {
          if (seen[mark.name] !== undefined) continue;
          const found = document.querySelectorAll(mark.selector);
          const textFits = mark.text === undefined || new RegExp(mark.text).test(found[0]?.textContent ?? "");
          if (found.length >= (mark.count ?? 1) && textFits) seen[mark.name] = performance.now();
        }
        return wanted.every((mark) => seen[mark.name] !== undefined) && seen;
      },
      marks,
      { polling: "raf", timeout: 60_000 },
    );
    return await handle.jsonValue();
  } finally {
    await context.close();
  }
}

async function measure(browser, url, marks) {
  const runs = [];
  for (let load = 0; load < LOADS; load += 1) runs.push(await coldLoad(browser, url, marks));
  return marks.map(({ name }) => {
    const values = runs.map((run) => run[name]);
    return { name, p50: percentile(values, 0.5), p95: percentile(values, 0.95) };
  });
}

const bench = await startBenchDevServer({ name: "ui" });
const { dev } = bench;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const endMs = Date.now() - 60_000;
  const storedStart = performance.now();
  for (let request = 0; request < TRACES / TRACES_PER_REQUEST; request += 1) {
    const response = await fetch(`${dev.url}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: createExportBody(request, endMs),
    });
    if (response.status !== 200) throw new Error(`export answered ${response.status}`);
    await response.arrayBuffer();
  }
  let status;
  do {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await (await fetch(`${dev.url}/api/status`)).json();
  } while (status.spans < TRACES * 3 && status.dropped === 0);
  const storedMs = performance.now() - storedStart;

  const list = await measure(browser, `${dev.uiUrl}#/`, [
    { name: "first trace row", selector: '[data-testid="trace-row"]' },
    { name: "trace count shown", selector: '[data-testid="trace-count"]', text: "^[\\d,]+ traces?$" },
  ]);
  const trace = await measure(browser, `${dev.uiUrl}#/trace/${hex(TRACES / 2, 32)}`, [
    { name: "waterfall rows", selector: '[data-testid="span-row"]', count: 3 },
  ]);
  const overview = await measure(browser, `${dev.uiUrl}#/overview`, [
    { name: "KPIs", selector: '[data-testid="kpi-calls"]' },
    { name: "charts", selector: '[data-testid="chart-calls"] svg rect' },
  ]);

  const version = browser.version();
  console.log(`sightline dev UI page load (Node ${process.versions.node}, Chromium ${version}, headless)`);
  console.log(
    `  store: ${status.traces.toLocaleString("en")} traces, ${status.spans.toLocaleString("en")} spans (stored in ${storedMs.toFixed(0)} ms, ${(status.sizeBytes / 1024 / 1024).toFixed(1)} MB)`,
  );
  console.log(`  navigation start → mark, ${LOADS} cold loads each (fresh browser context):`);
  for (const [page, rows] of [
    ["trace list", list],
    ["trace page", trace],
    ["overview", overview],
  ])
    for (const row of rows)
      console.log(
        `    ${`${page}: ${row.name}`.padEnd(36)} p50 ${row.p50.toFixed(0).padStart(5)} ms   p95 ${row.p95.toFixed(0).padStart(5)} ms`,
      );
} finally {
  await browser.close();
  await bench.close();
}
