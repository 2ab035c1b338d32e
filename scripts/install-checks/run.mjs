// The install checks: every published package as a user installs it from the registry, before it is
// published. Packs once, then
// 1. lints each tarball with publint and Are the Types Wrong (lint-tarballs.mjs);
// 2. installs each package alone into its own plain npm app (`engine-strict=true`) on its declared
//    minimum Node (20.19.0 for the libraries, 22.15.0 for @sightline/node and @sightline/testing), with
//    the tarballs of the workspace packages it depends on, and @sightline/node beside an OpenTelemetry
//    2.x app (sdk-trace-base 2, api 1.9) and beside a 3.x one (sdk-trace 3, api 1.10): no npm warning or
//    error, one copy of each OpenTelemetry package alone and beside 3.x, and a package count target;
// 3. proves the 2.x-beside app works: init() with the OTLP preset and a span made through the app's own
//    @opentelemetry/api reach a local OTLP receiver (the packed @sightline/otlp's capture receiver).
// Writes test-results.json (one check per line printed) for the closing "N passed" line; exits 1 when a
// check fails. Expects the workspace to be built (scripts/test.sh builds first). npm's cache is the
// user's usual one, shared across apps and runs.
//
//   node scripts/install-checks/run.mjs
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { environmentFor, getNodeBinary } from "../get-node-binary.mjs";
import { packPackages } from "../pack-packages.mjs";
import { installNpmApp, tarballDependencies } from "./install-npm-app.mjs";
import { lintTarballs } from "./lint-tarballs.mjs";

const root = new URL("../..", import.meta.url).pathname;
const here = new URL(".", import.meta.url).pathname;
/** Most packages `npm install @sightline/node` may add to an app (it was 18 when the target was set). */
const NODE_PACKAGE_TARGET = 25;
const SETUP_PACKAGE = "@sightline/node";
/** Third-party packages of the apps that install @sightline/node beside an existing OpenTelemetry setup. */
const BESIDE = {
  "OpenTelemetry 2.x": { "@opentelemetry/sdk-trace-base": "^2", "@opentelemetry/api": "~1.9.0" },
  "OpenTelemetry 3.x": { "@opentelemetry/sdk-trace": "^3", "@opentelemetry/api": "~1.10.0" },
};

const checks = [];
/** Records one check and prints it as one line. */
function check(name, pass, figure) {
  checks.push({ title: name, fullName: name, status: pass ? "passed" : "failed", figure });
  console.log(`  ${pass ? "✓" : "✗"} ${name}${figure === undefined ? "" : `: ${figure}`}`);
}

const work = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "sightline", "install-checks");
const stageStarted = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

console.log("› install checks: pack the packages");
const tarballs = packPackages(join(work, "tarballs"));
const manifests = new Map(
  [...tarballs].map(([name, file]) => [
    name,
    JSON.parse(execFileSync("tar", ["-xzOf", file, "package/package.json"], { encoding: "utf8" })),
  ]),
);

console.log("› install checks: publint and attw on every tarball");
for (const row of await lintTarballs(tarballs)) {
  check(`publint ${row.name}`, row.publint.failures.length === 0, row.publint.failures.join("; ") || "clean");
  for (const suggestion of row.publint.suggestions) console.log(`    publint suggestion: ${suggestion}`);
  check(
    `attw ${row.name} (node10, node16 CJS and ESM, bundler)`,
    row.attw.length === 0,
    row.attw.join("; ") || "clean",
  );
}

/** ">=22.15" → "22.15.0": the declared minimum Node, the one each package is installed on. */
function minimumNode(manifest) {
  const match = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(manifest.engines?.node ?? "");
  if (!match) throw new Error(`${manifest.name}: engines.node "${manifest.engines?.node}" is not ">=x.y"`);
  return `${match[1]}.${match[2]}.${match[3] ?? 0}`;
}

const jobs = [...tarballs.keys()].map((name) => ({
  label: `${name} alone`,
  name,
  node: minimumNode(manifests.get(name)),
  dependencies: tarballDependencies(name, { tarballs, manifests }),
}));
for (const [label, extra] of Object.entries(BESIDE)) {
  jobs.push({
    label: `${SETUP_PACKAGE} beside ${label}`,
    name: SETUP_PACKAGE,
    beside: label,
    node: minimumNode(manifests.get(SETUP_PACKAGE)),
    dependencies: { ...extra, ...tarballDependencies(SETUP_PACKAGE, { tarballs, manifests }) },
  });
}
for (const version of new Set(jobs.map((job) => job.node))) getNodeBinary(version);

console.log(`› install checks: ${jobs.length} npm apps, each on its package's minimum Node, two at a time`);
const queue = jobs.map((job, index) => ({ ...job, directory: join(work, "apps", String(index)) }));
const pending = [...queue];
async function worker() {
  for (let job = pending.shift(); job; job = pending.shift()) {
    job.result = await installNpmApp({
      directory: job.directory,
      dependencies: job.dependencies,
      nodeBinary: getNodeBinary(job.node),
      npmCache: process.env.npm_config_cache ?? join(homedir(), ".npm"),
    });
  }
}
const installsStarted = Date.now();
await Promise.all([worker(), worker()]);
const installsMs = Date.now() - installsStarted;

for (const job of queue) {
  const { result } = job;
  const quiet = !result.failed && result.complaints.length === 0;
  check(
    `${job.label} on Node ${job.node}: installs with engine-strict and no npm warning or error`,
    quiet,
    quiet
      ? `${result.packageCount} packages in ${seconds(result.ms)}`
      : result.complaints.join(" | ") || result.output.slice(-600),
  );
  if (result.failed) continue;
  check(
    `${job.label}: npm ls finds no invalid or missing dependency`,
    result.lsProblems.length === 0,
    result.lsProblems.join("; ") || undefined,
  );
  const copies = [...result.otelCopies].map(
    ([name, versions]) => `${name.replace("@opentelemetry/", "")} ${versions.join("+")}`,
  );
  if (job.name === SETUP_PACKAGE && job.beside !== "OpenTelemetry 2.x") {
    const duplicated = [...result.otelCopies].filter(([, versions]) => versions.length > 1);
    check(`${job.label}: one copy of each OpenTelemetry package`, duplicated.length === 0, copies.join(", "));
  } else if (job.name === SETUP_PACKAGE) {
    console.log(`    OpenTelemetry packages: ${copies.join(", ")}`);
  }
  if (job.name === SETUP_PACKAGE && !job.beside) {
    check(
      `${job.label}: packages installed`,
      result.packageCount <= NODE_PACKAGE_TARGET,
      `${result.packageCount} (target ≤ ${NODE_PACKAGE_TARGET})`,
    );
  }
}

console.log("› install checks: a span from the OpenTelemetry 2.x app reaches an OTLP receiver");
const otlpApp = queue.find((job) => job.name === "@sightline/otlp" && !job.beside);
const twoApp = queue.find((job) => job.beside === "OpenTelemetry 2.x");
if (otlpApp.result.failed || twoApp.result.failed) {
  check("OpenTelemetry 2.x app: init() and a span reach the receiver", false, "its install failed");
} else {
  const { startOtlpCaptureReceiver } = await import(
    join(otlpApp.directory, "node_modules/@sightline/otlp/dist/index.js")
  );
  const receiver = await startOtlpCaptureReceiver();
  copyFileSync(join(here, "app", "send-span.mjs"), join(twoApp.directory, "send-span.mjs"));
  const nodeBinary = getNodeBinary(twoApp.node);
  try {
    await promisify(execFile)(nodeBinary, ["send-span.mjs"], {
      cwd: twoApp.directory,
      env: {
        ...environmentFor(nodeBinary),
        OTLP_ENDPOINT: receiver.url,
        OTEL_SDK_DISABLED: "",
        NODE_OPTIONS: "",
      },
      timeout: 30_000,
    });
    const spans = await receiver.waitForSpans(1, 10_000);
    const span = spans.find((candidate) => candidate.name === "install-check span");
    check(
      "OpenTelemetry 2.x app: init() and a span made through the app's api 1.9 reach the receiver",
      Boolean(span),
      `${spans.length} span(s) received`,
    );
  } catch (error) {
    check(
      "OpenTelemetry 2.x app: init() and a span reach the receiver",
      false,
      String(error.stderr || error.message).slice(-600),
    );
  } finally {
    await receiver.close();
  }
}

const failed = checks.filter((item) => item.status === "failed").length;
writeFileSync(
  join(here, "test-results.json"),
  JSON.stringify({
    numPassedTests: checks.length - failed,
    numFailedTests: failed,
    numPendingTests: 0,
    testResults: [{ status: failed === 0 ? "passed" : "failed", assertionResults: checks }],
  }),
);
console.log(
  `install checks: ${checks.length - failed} passed, ${failed} failed (npm installs ${seconds(installsMs)}, whole stage ${seconds(Date.now() - stageStarted)}; root ${root})`,
);
if (failed > 0) process.exitCode = 1;
