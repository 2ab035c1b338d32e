// Shared by the suites that run outside the workspace's turbo tasks (backends, browser): their
// test-results.json, in vitest's JSON-report shape so scripts/summarize-test-results.mjs sums it, for the
// runs that end before vitest writes one (skipped: one pending test; could not start: one failed test).
import { writeFileSync } from "node:fs";

/** Writes a vitest-shaped report with `counts` (e.g. `{ numPendingTests: 1 }`) to `path`. */
export function writeSuiteResults(path, counts) {
  writeFileSync(
    path,
    `${JSON.stringify({ numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, testResults: [], ...counts }, null, 2)}\n`,
  );
}

/** Seconds since `since` (a `Date.now()`), for the suites' timing lines, e.g. "24.8 s". */
export const secondsSince = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
