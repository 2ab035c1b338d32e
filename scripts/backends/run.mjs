// The backend suite: Sightline's export checked by real backends instead of our own receiver. Builds (or takes
// from the cache) Jaeger v2 all-in-one and an OpenTelemetry Collector from the Go module proxy, starts both on
// loopback, runs examples/jaeger's end-to-end tests against them (e2e/*.test.ts), stops them, and writes
// scripts/backends/test-results.json for the closing line. Without Go it writes one skipped check and says so.
// Needs the workspace build (the tests run the examples' dist/ files).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { secondsSince, writeSuiteResults } from "../write-suite-results.mjs";
import { getFreePort, startBackend } from "./start-backend.mjs";

const root = new URL("../..", import.meta.url).pathname;
const folder = join(root, "scripts", "backends");
const resultsPath = join(folder, "test-results.json");
const started = Date.now();
const seconds = secondsSince;

const writeResults = (counts) => writeSuiteResults(resultsPath, counts);

if (spawnSync("go", ["version"], { stdio: "ignore" }).status !== 0) {
  console.log(
    "› backend suite skipped: Go is not installed, so Jaeger and the Collector cannot be built here (CI has Go)",
  );
  writeResults({ numPendingTests: 1 });
  process.exit(0);
}

// Builds are cached by version under ${XDG_CACHE_HOME:-~/.cache}/sightline/backends/; warm runs take seconds.
const buildStarted = Date.now();
const build = spawnSync("bash", [join(folder, "build-backend-binaries.sh")], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "pipe"],
  maxBuffer: 64 * 1024 * 1024,
});
// The Go tool's hundreds of download lines are kept for a failure; a good build prints its own summary lines.
const buildLog = build.stderr ?? "";
for (const line of buildLog.split("\n")) if (/^(›| {2}built)/.test(line)) console.log(line);
if (build.status !== 0) {
  console.log(buildLog.split("\n").slice(-60).join("\n"));
  console.log(`✗ building the backends failed (exit ${build.status})`);
  writeResults({ numFailedTests: 1 });
  process.exit(1);
}
const binaries = Object.fromEntries(
  build.stdout
    .trim()
    .split("\n")
    .map((line) => line.split("=")),
);
console.log(`› backends ready in ${seconds(buildStarted)}: ${Object.values(binaries).join(", ")}`);

const ports = {
  JAEGER_OTLP_HTTP_PORT: await getFreePort(),
  JAEGER_OTLP_GRPC_PORT: await getFreePort(),
  JAEGER_QUERY_HTTP_PORT: await getFreePort(),
  JAEGER_QUERY_GRPC_PORT: await getFreePort(),
  COLLECTOR_OTLP_HTTP_PORT: await getFreePort(),
  METRICS_CAPTURE_PORT: await getFreePort(),
};
const environment = Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)]));

const running = [];
let status = 0;
// An interrupted run stops the backends it started rather than leaving them bound to their ports.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    for (const backend of running.reverse()) await backend.stop();
    process.exit(130);
  });
}
try {
  const startupStarted = Date.now();
  running.push(
    await startBackend({
      name: "Jaeger",
      binary: binaries.jaeger,
      config: join(folder, "jaeger-config.yaml"),
      env: environment,
      readyUrl: `http://127.0.0.1:${ports.JAEGER_QUERY_HTTP_PORT}/api/v3/services`,
    }),
  );
  running.push(
    await startBackend({
      name: "Collector",
      binary: binaries.collector,
      config: join(folder, "collector-config.yaml"),
      env: environment,
      readyUrl: `http://127.0.0.1:${ports.COLLECTOR_OTLP_HTTP_PORT}/v1/traces`,
    }),
  );
  console.log(`› Jaeger and the Collector listening on 127.0.0.1 after ${seconds(startupStarted)}`);

  const tests = spawn(
    "pnpm",
    [
      "exec",
      "vitest",
      "run",
      "--config",
      "vitest.backends.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${resultsPath}`,
    ],
    {
      cwd: join(root, "examples", "jaeger"),
      stdio: "inherit",
      env: {
        ...process.env,
        ...environment,
        JAEGER_QUERY_URL: `http://127.0.0.1:${ports.JAEGER_QUERY_HTTP_PORT}`,
        JAEGER_OTLP_URL: `http://127.0.0.1:${ports.JAEGER_OTLP_HTTP_PORT}`,
        COLLECTOR_OTLP_URL: `http://127.0.0.1:${ports.COLLECTOR_OTLP_HTTP_PORT}`,
      },
    },
  );
  status = await new Promise((resolve) => tests.on("exit", (code) => resolve(code ?? 1)));
} catch (error) {
  console.log(`✗ ${error.message}`);
  writeResults({ numFailedTests: 1 });
  status = 1;
} finally {
  for (const backend of running.reverse()) await backend.stop();
}

// One line per backend: the test files are named after the backend they check (jaeger-*, collector-*).
if (existsSync(resultsPath)) {
  const report = JSON.parse(readFileSync(resultsPath, "utf8"));
  const perBackend = new Map();
  for (const file of report.testResults ?? []) {
    const backend = basename(file.name).startsWith("collector-") ? "Collector → Jaeger + metrics" : "Jaeger";
    const counts = perBackend.get(backend) ?? { passed: 0, failed: 0 };
    for (const result of file.assertionResults ?? []) {
      if (result.status === "passed") counts.passed += 1;
      else if (result.status === "failed") counts.failed += 1;
    }
    perBackend.set(backend, counts);
  }
  for (const [backend, counts] of perBackend)
    console.log(`  ${backend}: ${counts.passed} passed, ${counts.failed} failed`);
}
console.log(`  ⏱ backend suite: ${seconds(started)}`);
process.exit(status);
