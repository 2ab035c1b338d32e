// Sums the vitest JSON reports of every package into the one plain line CI reads:
// "vitest: N passed, N failed, N skipped". Fails when a test failed, a suite failed to load, or
// nothing ran at all.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
let brokenSuites = 0;
const missing = [];
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
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  brokenSuites += (report.testResults ?? []).filter(
    (suite) => suite.status === "failed" && suite.assertionResults?.length === 0,
  ).length;
}
if (missing.length > 0)
  console.log(`packages without a test report (their suite did not run): ${missing.join(", ")}`);
if (brokenSuites > 0) console.log(`${brokenSuites} test file(s) failed to load`);
console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || brokenSuites > 0 || missing.length > 0 || passed === 0) process.exit(1);
