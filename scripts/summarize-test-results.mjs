// Sums the vitest JSON reports of every package into the one plain line CI reads:
// "vitest: N passed, N failed, N skipped". Reports of the extra Node runs
// (test-results.node<major>.json), the reliability suite, the browser tests, the doc snippets and the runtime and
// client-version matrices are counted too, with a line per runtime or suite before the total.
// Fails when a test failed, a suite failed to load, or nothing ran at all.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const totals = { passed: 0, failed: 0, skipped: 0, brokenSuites: 0 };
const perRuntime = new Map();
const missing = [];

function add(report, runtime) {
  const counts = perRuntime.get(runtime) ?? { passed: 0, failed: 0, skipped: 0 };
  const passed = report.numPassedTests ?? 0;
  const failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  counts.passed += passed;
  counts.failed += failed;
  counts.skipped += skipped;
  perRuntime.set(runtime, counts);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  totals.brokenSuites += (report.testResults ?? []).filter(
    (suite) => suite.status === "failed" && suite.assertionResults?.length === 0,
  ).length;
}

const workspaces = ["packages", "examples"].flatMap((folder) =>
  existsSync(join(root, folder)) ? readdirSync(join(root, folder)).map((name) => join(folder, name)) : [],
);
for (const name of workspaces) {
  const directory = join(root, name);
  const manifest = join(directory, "package.json");
  if (!existsSync(manifest)) continue;
  if (!JSON.parse(readFileSync(manifest, "utf8")).scripts?.test) continue;
  const reportPath = join(directory, "test-results.json");
  if (!existsSync(reportPath)) {
    missing.push(name);
    continue;
  }
  add(JSON.parse(readFileSync(reportPath, "utf8")), `node ${process.versions.node.split(".")[0]}`);
  for (const file of readdirSync(directory)) {
    const extra = /^test-results\.node(\d+)\.json$/.exec(file);
    if (extra) add(JSON.parse(readFileSync(join(directory, file), "utf8")), `node ${extra[1]}`);
  }
}
// Script suites write one check per target in the same shape: the reliability suite
// (scripts/reliability/run.mjs), the install checks (scripts/install-checks/run.mjs), the backend suite
// (scripts/backends/run.mjs, real Jaeger and Collector), the browser tests (scripts/browser/run.mjs,
// sightline dev's web UI in Chromium), the docs' snippets
// (scripts/check-doc-snippets.mjs, one result per snippet) and the runtime and client-version matrices
// (scripts/matrix/, one check per scenario × runtime or × SDK version).
const scriptSuites = [
  ["reliability/test-results.json", "reliability suite"],
  ["install-checks/test-results.json", "install checks"],
  ["backends/test-results.json", "backend suite (Jaeger, Collector)"],
  ["browser/test-results.json", "browser tests (Chromium)"],
  ["doc-snippets/test-results.json", "doc snippets"],
  ["matrix/test-results.runtimes.json", "runtime matrix"],
  ["matrix/test-results.client-versions.json", "client-version matrix"],
];
for (const [file, label] of scriptSuites) {
  const report = join(root, "scripts", file);
  if (existsSync(report)) add(JSON.parse(readFileSync(report, "utf8")), label);
  else missing.push(`scripts/${file} (the ${label} report is missing: it did not finish)`);
}
if (missing.length > 0)
  console.log(`packages without a test report (their suite did not run): ${missing.join(", ")}`);
if (totals.brokenSuites > 0) console.log(`${totals.brokenSuites} test file(s) failed to load`);
for (const [runtime, counts] of perRuntime) {
  console.log(`  ${runtime}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
console.log(`vitest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (totals.failed > 0 || totals.brokenSuites > 0 || missing.length > 0 || totals.passed === 0)
  process.exit(1);
