// Writes a matrix's results where scripts/summarize-test-results.mjs sums them (one test per scenario ×
// runtime or × client version, in the numPassedTests/numFailedTests shape of a vitest JSON report) and
// prints the failed checks, so a red matrix says why.
import { writeFileSync } from "node:fs";

/**
 * `rows` are `{ label, scenarios }` with scenarios from run-scenario-app.mjs. With no `file` (a bisect
 * run) the failures are printed and nothing is written.
 */
export function writeMatrixResults(file, rows) {
  const assertionResults = rows.flatMap((row) =>
    row.scenarios.map((scenario) => ({
      title: `${row.label}: ${scenario.name}`,
      status: scenario.passed ? "passed" : "failed",
      failureMessages: scenario.failures,
    })),
  );
  const failed = assertionResults.filter((result) => result.status === "failed");
  for (const result of failed) {
    console.log(`  ✗ ${result.title}`);
    for (const message of result.failureMessages.slice(0, 6)) console.log(`      ${message}`);
  }
  if (file === undefined) return { passed: assertionResults.length - failed.length, failed: failed.length };
  writeFileSync(
    file,
    JSON.stringify({
      numPassedTests: assertionResults.length - failed.length,
      numFailedTests: failed.length,
      numPendingTests: 0,
      testResults: [{ status: failed.length === 0 ? "passed" : "failed", assertionResults }],
    }),
  );
  return { passed: assertionResults.length - failed.length, failed: failed.length };
}

/** "12/14" for one row. */
export function formatPassCount(scenarios) {
  return `${scenarios.filter((scenario) => scenario.passed).length}/${scenarios.length}`;
}
