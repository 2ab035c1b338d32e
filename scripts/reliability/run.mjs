// The reliability suite: Sightline as users install it (the packed tarballs in a plain npm app) under
// load and faults, on loopback only, bounded in calls and time. Prints one table of figures with the
// target beside each, writes test-results.json (one check per target) for the closing line, and exits
// non-zero when a target is missed. Expects the workspace to be built (scripts/test.sh builds first).
//
//   node scripts/reliability/run.mjs            # everything
//   node scripts/reliability/run.mjs --quick    # fewer calls, for a look while developing
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { runOnAtLeast } from "../get-node-binary.mjs";
import { packPackages } from "../pack-packages.mjs";
import { HOSTILE_CASES, runHostileCase } from "./hostile-inputs.mjs";
import { startOtlpFaultSink } from "./otlp-fault-sink.mjs";
import { printTable } from "./print-table.mjs";

const root = new URL("../..", import.meta.url).pathname;
// CI's Node is 20; @sightline/node declares >=22.15, so the suite re-runs itself on Node 22 there: the
// app is installed and every scenario run with it.
runOnAtLeast({
  minimum: JSON.parse(readFileSync(join(root, "packages/node/package.json"), "utf8")).engines.node,
  fallback: "22.23.5",
  label: "reliability",
});
const quick = process.argv.includes("--quick");
const SHUTDOWN_TIMEOUT_MS = 2000;
/**
 * The documented exit bound (docs/export-otlp.md): a script is gone `shutdownTimeoutMs` after its work,
 * plus process teardown on a loaded 2-core machine.
 */
const EXIT_BOUND_MS = SHUTDOWN_TIMEOUT_MS;
/**
 * Process teardown (1 s), plus the OTLP exporter's wait before a retry (up to 1.2 s at its first backoff): a
 * ref'd timer of the exporter's own that Node counts as work, so an export retrying when the work ends delays
 * the exit hooks by it (docs/export-otlp.md). Measured with the backend down: 1.5–3.4 s.
 */
const EXIT_MARGIN_MS = 2200;
const sizes = quick
  ? { trafficCalls: 400, memoryStreams: 2000, concurrentStreams: 300, fuzzRuns: 50 }
  : { trafficCalls: 2000, memoryStreams: 20_000, concurrentStreams: 1000, fuzzRuns: 300 };
/** Versions of the provider SDKs and tools the plain app installs from the npm registry. */
const APP_DEPENDENCIES = {
  "@opentelemetry/api": "1.10.0",
  openai: "7.59.0",
  "@anthropic-ai/sdk": "1.14.0",
  "@google/genai": "3.3.0",
  "fast-check": "4.10.2",
};

const checks = [];
/** Records one target check; `figure` is what was measured, `target` what it must be. */
function check(name, { figure, target, pass }) {
  checks.push({ name, figure, target, pass: Boolean(pass) });
}

async function stage(name, run) {
  const started = Date.now();
  process.stdout.write(`› reliability: ${name}\n`);
  const result = await run();
  process.stdout.write(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}

const work = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "sightline", "reliability");
const tarballs = join(work, "tarballs");
const app = join(work, "app");

await stage("pack the packages", () => packPackages(tarballs));

await stage("install a plain app from the tarballs (npm)", () => {
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  const dependencies = { ...APP_DEPENDENCIES };
  for (const file of readdirSync(tarballs)) {
    const manifest = JSON.parse(
      execFileSync("tar", ["-xzOf", join(tarballs, file), "package/package.json"], { encoding: "utf8" }),
    );
    dependencies[manifest.name] = `file:${join(tarballs, file)}`;
  }
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "reliability-app", private: true, type: "module", dependencies }, null, 2),
  );
  execFileSync("npm", ["install", "--no-fund", "--no-audit", "--loglevel=error"], {
    cwd: app,
    stdio: "inherit",
  });
  cpSync(join(root, "scripts", "reliability", "app"), app, { recursive: true });
});

/**
 * Runs one scenario file of the app in its own Node process (with `--expose-gc`), returns its RESULT
 * line, the milliseconds from that line to the process's exit, and what Sightline told the app's
 * log (`[sightline]` lines on stderr).
 */
function runScenario(file, env, { timeoutMs = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", file], {
      cwd: app,
      env: { ...process.env, ...env, OTEL_SDK_DISABLED: "", NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let resultAt;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (data) => {
      stdout += data;
      if (resultAt === undefined && stdout.includes("RESULT ")) resultAt = performance.now();
    });
    child.stderr.on("data", (data) => {
      stderr += data;
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split("\n").find((text) => text.startsWith("RESULT "));
      if (!line) {
        reject(
          new Error(
            `${file} ended (${code ?? signal}) without a result:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`,
          ),
        );
        return;
      }
      resolve({
        code,
        result: JSON.parse(line.slice("RESULT ".length)),
        exitMs: performance.now() - resultAt,
        setupLog: stderr.split("\n").filter((text) => text.startsWith("[sightline]")),
      });
    });
  });
}

// The suite's own servers come from the same installed @sightline/testing the app uses.
const testing = await import(join(app, "node_modules/@sightline/testing/dist/index.js"));
const mock = await stage("start the mock LLM server", () => testing.startMockLLMServer());

const MB = 1024 * 1024;
/** Runs a scenario against a fresh OTLP sink in `mode`; resolves with the run and what the sink received. */
async function runWithSink(mode, file, env) {
  const sink = await startOtlpFaultSink({ mode, decode: testing.decodeOtlpExport });
  try {
    const run = await runScenario(file, {
      MOCK_URL: mock.url,
      OTLP_ENDPOINT: sink.url,
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      ...env,
    });
    return { ...run, sink: sink.stats };
  } finally {
    await sink.close();
  }
}

/** The exit-time check every scenario that ends on its own gets. */
function checkExit(label, run) {
  check(`${label}: exit within the shutdown bound`, {
    figure: `${Math.round(run.exitMs)} ms`,
    target: `≤ ${SHUTDOWN_TIMEOUT_MS} + ${EXIT_MARGIN_MS} ms`,
    pass: run.exitMs <= EXIT_BOUND_MS + EXIT_MARGIN_MS,
  });
}

const trafficRows = [];
await stage(`sustained traffic under export faults (${sizes.trafficCalls} calls each)`, async () => {
  for (const mode of ["healthy", "down", "hanging", "slow", "500", "429", "recovering"]) {
    const run = await runWithSink(mode, "traffic.mjs", { CALLS: String(sizes.trafficCalls) });
    const { result, sink } = run;
    const delivered = sink.uniqueSpans;
    trafficRows.push({
      mode,
      calls: result.wrappedCalls,
      latencyP50: result.latencyRatioP50,
      latencyP99: result.latencyRatioP99,
      heapBeforeMb: result.heapBefore / MB,
      heapAfterMb: result.heapAfter / MB,
      rssAfterMb: result.rssAfter / MB,
      delivered,
      dropped: Math.max(0, result.wrappedCalls - delivered),
      duplicated: sink.duplicateSpans,
      unhandled: result.unhandledRejections + result.uncaughtExceptions,
      exitMs: run.exitMs,
      logLines: run.setupLog.length,
      firstLog: run.setupLog[0],
    });
    const label = `traffic, endpoint ${mode}`;
    check(`${label}: no unhandled rejection or exception`, {
      figure: result.unhandledRejections + result.uncaughtExceptions,
      target: "0",
      pass: result.unhandledRejections + result.uncaughtExceptions === 0,
    });
    check(`${label}: no duplicate span`, {
      figure: sink.duplicateSpans,
      target: "0",
      pass: sink.duplicateSpans === 0,
    });
    checkExit(label, run);
    if (mode === "healthy") {
      check(`${label}: every span delivered`, {
        figure: delivered,
        target: `${result.wrappedCalls}`,
        pass: delivered === result.wrappedCalls,
      });
    } else if (mode === "recovering") {
      check(`${label}: delivery resumes once the endpoint is back`, {
        figure: delivered,
        target: "> 0",
        pass: delivered > 0,
      });
    } else if (mode !== "slow") {
      // Per signal (traces, metrics): its first failure, and the total at shutdown.
      check(`${label}: export failure said through the setup log, not per span`, {
        figure: `${run.setupLog.length} line(s)`,
        target: "1–4 (first failure and total, per signal)",
        pass: run.setupLog.length >= 1 && run.setupLog.length <= 4,
      });
    }
  }
});

const memory = await stage(
  `finished-stream memory (${sizes.memoryStreams} streams per provider, raw vs wrapped)`,
  async () => {
    const rows = [];
    for (const provider of ["openai", "anthropic", "google-genai"]) {
      const env = { STREAMS: String(sizes.memoryStreams), PROVIDER: provider };
      const raw = await runWithSink("healthy", "stream-memory.mjs", { ...env, CLIENT: "raw" });
      const wrapped = await runWithSink("healthy", "stream-memory.mjs", { ...env, CLIENT: "wrapped" });
      const per10k = (bytes) => (bytes / sizes.memoryStreams) * 10_000;
      const extra = per10k(wrapped.result.heapGrowth) - per10k(raw.result.heapGrowth);
      check(`finished ${provider} streams: heap over the raw client's, per 10,000 streams`, {
        figure: `${(extra / MB).toFixed(2)} MB`,
        // --quick's 2,000 streams multiply the few hundred KB a process's heap moves by anyway by five (measured
        // 0.9–1.4 MB there against −0.35 to −0.17 MB over the full 20,000): the figure is shown, not judged.
        target: quick ? "≤ 1 MB (not judged with --quick)" : "≤ 1 MB",
        pass: quick || extra <= MB,
      });
      const unhandled = raw.result.unhandledRejections + wrapped.result.unhandledRejections;
      check(`finished ${provider} streams: no unhandled rejection`, {
        figure: unhandled,
        target: "0",
        pass: unhandled === 0,
      });
      rows.push({ provider, raw: raw.result, wrapped: wrapped.result, extraPer10k: extra });
    }
    return rows;
  },
);

const concurrent = await stage(
  `${sizes.concurrentStreams} concurrent streams, endpoint healthy, down and hanging`,
  async () => {
    const rows = [];
    for (const mode of ["healthy", "down", "hanging"]) {
      const run = await runWithSink(mode, "concurrent-streams.mjs", {
        STREAMS: String(sizes.concurrentStreams),
      });
      const { result, sink } = run;
      const label = `${result.streams} concurrent streams, endpoint ${mode}`;
      if (mode === "healthy") {
        check(`${label}: every span ended and delivered`, {
          figure: sink.uniqueSpans,
          target: `${result.streams}`,
          pass: sink.uniqueSpans === result.streams,
        });
      }
      check(`${label}: no failed call, duplicate span or unhandled rejection`, {
        figure: `${result.failedCalls} / ${sink.duplicateSpans} / ${result.unhandledRejections}`,
        target: "0 / 0 / 0",
        pass: result.failedCalls === 0 && sink.duplicateSpans === 0 && result.unhandledRejections === 0,
      });
      checkExit(label, run);
      rows.push({
        mode,
        ...result,
        delivered: sink.uniqueSpans,
        duplicated: sink.duplicateSpans,
        exitMs: run.exitMs,
      });
    }
    return rows;
  },
);

const faults = await stage("provider faults, raw against wrapped", async () => {
  const { result } = await runScenario("provider-faults.mjs", {});
  const identical = result.rows.filter((row) => row.identical).length;
  const oneSpan = result.rows.filter((row) => row.spans === 1).length;
  check(`provider faults: the app sees the same error or result as with the raw client`, {
    figure: `${identical}/${result.rows.length}`,
    target: `${result.rows.length}/${result.rows.length}`,
    pass: identical === result.rows.length,
  });
  check("provider faults: exactly one ended span per wrapped call", {
    figure: `${oneSpan}/${result.rows.length}`,
    target: `${result.rows.length}/${result.rows.length}`,
    pass: oneSpan === result.rows.length,
  });
  check("provider faults: no unhandled rejection", {
    figure: result.unhandledRejections + result.uncaughtExceptions,
    target: "0",
    pass: result.unhandledRejections + result.uncaughtExceptions === 0,
  });
  return result;
});

const fuzz = await stage(
  `fuzzed provider responses (fast-check, ${sizes.fuzzRuns} per provider and mode)`,
  async () => {
    const { result } = await runScenario("fuzz-responses.mjs", { FUZZ_RUNS: String(sizes.fuzzRuns) });
    const calls = result.results.reduce((sum, row) => sum + row.calls, 0);
    const spans = result.results.reduce((sum, row) => sum + row.spans, 0);
    const differences = result.results.reduce((sum, row) => sum + row.differences, 0);
    check("fuzzed responses: outcomes that differ from the raw client's (a throw into user code)", {
      figure: differences,
      target: "0",
      pass: differences === 0,
    });
    check("fuzzed responses: a span for every wrapped call, malformed or not", {
      figure: `${spans}/${calls}`,
      target: `${calls}/${calls}`,
      pass: spans === calls,
    });
    check("fuzzed responses: no unhandled rejection", {
      figure: result.unhandledRejections + result.uncaughtExceptions,
      target: "0",
      pass: result.unhandledRejections + result.uncaughtExceptions === 0,
    });
    return result;
  },
);

const hostile = await stage("hostile inputs to init(), the wrappers, the CLI and sightline dev", async () => {
  const rows = [];
  for (const hostileCase of HOSTILE_CASES) {
    const outcome = await runHostileCase(hostileCase, { app });
    rows.push(outcome);
    check(`hostile input: ${hostileCase.name}`, {
      figure: outcome.summary,
      target: hostileCase.expect,
      pass: outcome.pass,
    });
  }
  return rows;
});

await mock.close();
printTable({
  trafficRows,
  memory,
  concurrent,
  faults,
  fuzz,
  hostile,
  checks,
  sizes,
  shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS,
});

const passed = checks.filter((item) => item.pass).length;
const failed = checks.length - passed;
writeFileSync(
  join(root, "scripts", "reliability", "test-results.json"),
  JSON.stringify({
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: 0,
    testResults: [{ status: failed === 0 ? "passed" : "failed", assertionResults: checks }],
  }),
);
console.log(`reliability: ${passed} passed, ${failed} failed`);
if (!existsSync(app) || failed > 0) process.exitCode = 1;
