import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const exampleRoot = join(import.meta.dirname, "..");
const cli = join(dirname(createRequire(import.meta.url).resolve("sightline/package.json")), "dist/cli.js");

// What `npm run eval:gate` does: the real command, in its own process, as CI runs it.
it("the gate fails on the model switch: exit 1, eight regressed rows, reports written", async () => {
  const result = await promisify(execFile)(
    process.execPath,
    [
      cli,
      "eval",
      "--dataset",
      "rows.jsonl",
      "--config",
      "eval.config.mjs",
      "--fail-on-regression",
      "--json",
      "reports/test.json",
    ],
    { cwd: exampleRoot, env: { ...process.env, NO_COLOR: "1" } },
  ).then(
    () => ({ code: 0, stdout: "" }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  expect(result.code).toBe(1);
  expect(result.stdout).toContain("verdict: regression (equals)");
  expect(result.stdout).toContain("regressed rows (8, passed in the baseline, fail in the candidate):");
  const report = JSON.parse(readFileSync(join(exampleRoot, "reports/test.json"), "utf8"));
  expect(report.comparison.regressedRows.map((row: { rowId: string }) => row.rowId)).toEqual([
    "capital-australia",
    "capital-canada",
    "capital-turkey",
    "capital-brazil",
    "capital-switzerland",
    "capital-morocco",
    "capital-nigeria",
    "refund-window",
  ]);
  // 8 regressions, no fixes: exact McNemar p = 2/2⁸.
  expect(report.comparison.evaluators[0].mcnemar.pValue).toBeCloseTo(2 / 256, 12);
  // Both models are priced from the bundled catalog, read from the model-call spans.
  expect(report.comparison.cost.baseline.pricedRows).toBe(20);
  expect(report.comparison.cost.candidate.pricedRows).toBe(20);
});
