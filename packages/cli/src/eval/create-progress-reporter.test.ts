import type { EvalProgress, EvalRowResult } from "@sightline/evals";
import { describe, expect, it } from "vitest";
import { createProgressReporter } from "./create-progress-reporter.js";

const progress = (completed: number, total: number, failed = 0): EvalProgress => ({
  target: "gpt-4o-mini",
  completed,
  total,
  failed,
  row: {} as EvalRowResult,
});

describe("createProgressReporter", () => {
  it("redraws one bar in place on a terminal and ends it with a newline", () => {
    const written: string[] = [];
    const report = createProgressReporter({ write: (text) => void written.push(text), terminal: true });
    report(progress(1, 4));
    report(progress(4, 4, 1));
    expect(written).toEqual([
      `\rgpt-4o-mini ${"█".repeat(6)}${"░".repeat(18)} 1/4 rows, 0 failed\x1b[K`,
      `\rgpt-4o-mini ${"█".repeat(24)} 4/4 rows, 1 failed\x1b[K`,
      "\n",
    ]);
  });

  it("writes a plain line per tenth of the rows, and the last, elsewhere", () => {
    const written: string[] = [];
    const report = createProgressReporter({ write: (text) => void written.push(text), terminal: false });
    for (let completed = 1; completed <= 25; completed += 1) report(progress(completed, 25));
    // A tenth of 25 rounds up to 3 rows.
    expect(written).toEqual(
      [3, 6, 9, 12, 15, 18, 21, 24, 25].map((n) => `gpt-4o-mini: ${n}/25 rows, 0 failed\n`),
    );
  });
});
