import { describe, expect, it } from "vitest";
import type { EvalRowResult, EvalRun } from "../run/types.js";
import { compareRuns } from "./compare-runs.js";
import { computeWilsonInterval } from "./statistics/compute-wilson-interval.js";

/** A run from per-row pass flags (and optional scores, costs, latencies) of one evaluator named `quality`. */
function createRun(
  target: string,
  rows: { passed: boolean; score?: number; costUsd?: number; latencyMs?: number; error?: boolean }[],
): EvalRun {
  return {
    target,
    evaluators: ["quality"],
    rows: rows.map(
      (row, index): EvalRowResult => ({
        rowId: `r${index + 1}`,
        outputText: `${target} answer ${index + 1}`,
        evaluations: [
          {
            name: "quality",
            passed: row.passed,
            ...(row.score !== undefined ? { score: row.score } : {}),
            ...(row.passed ? {} : { explanation: "not what was expected" }),
          },
        ],
        passed: row.passed,
        attempts: 1,
        modelCalls: [],
        ...(row.costUsd !== undefined ? { costUsd: row.costUsd } : {}),
        latencyMs: row.latencyMs ?? 100,
        latencySource: "model-call-spans",
        ...(row.error ? { error: { type: "RateLimitError (429)", message: "slow down" } } : {}),
      }),
    ),
  };
}

const flags = (pattern: string) => [...pattern].map((character) => ({ passed: character === "1" }));

describe("compareRuns", () => {
  it("flags a significant drop: 6 regressions, no fixes in 20 rows (McNemar p = 2/64)", () => {
    const baseline = createRun("baseline", flags("11111111111111111100"));
    const candidate = createRun("candidate", flags("00000011111111111100"));
    const comparison = compareRuns(baseline, candidate);
    const [quality] = comparison.evaluators;
    expect(comparison.pairedRows).toBe(20);
    expect(quality?.baseline).toMatchObject({ passed: 18, total: 20, passRate: 0.9 });
    expect(quality?.candidate).toMatchObject({ passed: 12, total: 20, passRate: 0.6 });
    expect(quality?.baseline.passRateInterval).toEqual(computeWilsonInterval({ successes: 18, trials: 20 }));
    expect(quality?.passRateDelta).toBeCloseTo(-0.3, 12);
    expect(quality?.mcnemar).toMatchObject({ baselineOnly: 6, candidateOnly: 0 });
    expect(quality?.mcnemar.pValue).toBeCloseTo(0.03125, 12);
    // Scores are the pass flags here (no scores given): six differences of −1, W⁺ = 0, exact p = 2/64.
    expect(quality?.scoreDifference.wilcoxon.pValue).toBeCloseTo(0.03125, 12);
    expect(quality?.scoreDifference.mean?.mean).toBeCloseTo(-0.3, 12);
    expect(quality?.verdict).toBe("regression");
    expect(quality?.reasons).toEqual([
      "pass rate fell 30.0 points (McNemar p = 0.0313 < 0.05)",
      "mean score fell by 0.300 (Wilcoxon p = 0.0313 < 0.05)",
      "pass rate fell 30.0 points, more than the 5.0 points tolerated",
    ]);
    expect(quality?.regressedRows).toEqual(["r1", "r2", "r3", "r4", "r5", "r6"]);
    expect(comparison.regressedRows[0]).toEqual({
      rowId: "r1",
      evaluators: ["quality"],
      baselineOutput: "baseline answer 1",
      candidateOutput: "candidate answer 1",
      explanations: { quality: "not what was expected" },
    });
    expect(comparison.verdict).toBe("regression");
  });

  it("gates a large drop the test cannot confirm yet by the tolerance, and only by it", () => {
    // 5 regressions, 0 fixes: McNemar p = 2/32 = 0.0625, not below 0.05; the drop (25 points) exceeds 5.
    const baseline = createRun("baseline", flags("11111111111111111111"));
    const candidate = createRun("candidate", flags("00000111111111111111"));
    const gated = compareRuns(baseline, candidate);
    expect(gated.evaluators[0]?.mcnemar.pValue).toBeCloseTo(0.0625, 12);
    expect(gated.evaluators[0]?.reasons).toEqual([
      "pass rate fell 25.0 points, more than the 5.0 points tolerated",
    ]);
    expect(gated.verdict).toBe("regression");
    const significanceOnly = compareRuns(baseline, candidate, { maxPassRateDrop: 1 });
    expect(significanceOnly.evaluators[0]?.verdict).toBe("unchanged");
    expect(significanceOnly.verdict).toBe("pass");
    // A 1-row drop (5 points) is within the default tolerance ("more than" 5 points).
    const oneRow = compareRuns(baseline, createRun("candidate", flags("01111111111111111111")));
    expect(oneRow.verdict).toBe("pass");
    expect(oneRow.regressedRows.map((row) => row.rowId)).toEqual(["r1"]);
  });

  it("is unchanged when regressions and fixes balance, and an improvement when fixes are significant", () => {
    const balanced = compareRuns(
      createRun("baseline", flags("1100111111")),
      createRun("candidate", flags("0011111111")),
    );
    // b = 2, c = 2: p = min(1, 2 · (1 + 4 + 6)/16) = 1.
    expect(balanced.evaluators[0]?.mcnemar).toEqual({ baselineOnly: 2, candidateOnly: 2, pValue: 1 });
    expect(balanced.evaluators[0]?.verdict).toBe("unchanged");
    expect(balanced.evaluators[0]?.improvedRows).toEqual(["r3", "r4"]);
    expect(balanced.regressedRows.map((row) => row.rowId)).toEqual(["r1", "r2"]);
    const better = compareRuns(
      createRun("baseline", flags("0000001111")),
      createRun("candidate", flags("1111111111")),
    );
    expect(better.evaluators[0]?.verdict).toBe("improvement");
    expect(better.verdict).toBe("pass");
  });

  it("catches lower scores with an unchanged pass rate (Wilcoxon, by hand)", () => {
    const baseline = createRun(
      "baseline",
      [0.9, 0.9, 0.9, 0.9, 0.9, 0.9].map((score) => ({ passed: true, score })),
    );
    const candidate = createRun(
      "candidate",
      [0.8, 0.7, 0.6, 0.5, 0.4, 0.3].map((score) => ({ passed: true, score })),
    );
    const [quality] = compareRuns(baseline, candidate).evaluators;
    // Differences −0.1 … −0.6, all negative: W⁺ = 0, exact two-sided p = 2/2⁶ = 0.03125.
    expect(quality?.scoreDifference.wilcoxon).toMatchObject({ statistic: 0, nonZero: 6 });
    expect(quality?.scoreDifference.wilcoxon.pValue).toBeCloseTo(0.03125, 12);
    // Mean difference −0.35, s = 0.187083, t(0.975, 5) = 2.570582 → half width 0.196333.
    expect(quality?.scoreDifference.mean?.mean).toBeCloseTo(-0.35, 12);
    expect(quality?.scoreDifference.mean?.interval[0]).toBeCloseTo(-0.546333, 5);
    expect(quality?.candidate.meanScore?.mean).toBeCloseTo(0.55, 12);
    expect(quality?.mcnemar.pValue).toBe(1);
    expect(quality?.verdict).toBe("regression");
    expect(quality?.reasons).toEqual(["mean score fell by 0.350 (Wilcoxon p = 0.0313 < 0.05)"]);
  });

  it("pairs rows by id, and sums cost and latency per run", () => {
    const baseline = createRun("baseline", [
      { passed: true, costUsd: 0.001, latencyMs: 100 },
      { passed: true, costUsd: 0.003, latencyMs: 300 },
      { passed: true, latencyMs: 200 },
    ]);
    const candidate = createRun("candidate", [{ passed: false, error: true, latencyMs: 50 }]);
    candidate.rows.push({ ...(candidate.rows[0] as EvalRowResult), rowId: "extra" });
    const comparison = compareRuns(baseline, candidate);
    expect(comparison.pairedRows).toBe(1);
    expect(comparison.unpaired).toEqual({ baselineOnly: ["r2", "r3"], candidateOnly: ["extra"] });
    expect(comparison.cost.baseline).toEqual({
      target: "baseline",
      rows: 3,
      errors: 0,
      meanCostUsd: 0.002,
      totalCostUsd: 0.004,
      pricedRows: 2,
      meanLatencyMs: 200,
      p50LatencyMs: 200,
      p95LatencyMs: 300,
    });
    expect(comparison.cost.candidate).toMatchObject({ errors: 2, pricedRows: 0 });
    expect(comparison.cost.candidate).not.toHaveProperty("meanCostUsd");
    expect(comparison.regressedRows[0]?.candidateError).toBe("RateLimitError (429): slow down");
  });
});
