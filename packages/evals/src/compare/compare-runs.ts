import type { EvalRowResult, EvalRun } from "../run/types.js";
import type { EvaluationResult } from "../types.js";
import { computeMeanInterval } from "./statistics/compute-mean-interval.js";
import { computeWilsonInterval } from "./statistics/compute-wilson-interval.js";
import { exactMcNemarTest } from "./statistics/exact-mcnemar-test.js";
import { wilcoxonSignedRankTest } from "./statistics/wilcoxon-signed-rank-test.js";
import { summarizeRunCost } from "./summarize-run-cost.js";
import type {
  CompareRunsOptions,
  EvalComparison,
  EvaluatorComparison,
  EvaluatorSideSummary,
  RegressedRow,
} from "./types.js";

/**
 * Compares a candidate run with a baseline run of the same dataset, row by row (paired by row id).
 *
 * Per evaluator: the pass rate on each side with its Wilson 95% interval; the mean score with its 95% t
 * interval (a result without a score counts 1 when passed, 0 when not); the exact McNemar test on the pass/fail
 * pairs; and on the paired score differences their mean with a 95% t interval and the Wilcoxon signed-rank test
 * (exact up to 50 non-zero differences, normal approximation above). An evaluator's verdict is `regression`
 * when the candidate is worse and either (a) its pass rate is lower with McNemar p < `alpha`, (b) its scores are
 * lower (negative mean difference) with Wilcoxon p < `alpha`, or (c) its pass rate fell by more than
 * `maxPassRateDrop`, significant or not; `improvement` when it is significantly better on (a) or (b) without
 * regressing; `unchanged` otherwise. The comparison's verdict is `regression` when any evaluator's is.
 * Also: mean cost and latency per row of each run, and the rows that passed in the baseline and fail in the
 * candidate. Pure: no I/O, no randomness.
 * @example
 * const comparison = compareRuns(baselineRun, candidateRun, { alpha: 0.05, maxPassRateDrop: 0.05 });
 * if (comparison.verdict === "regression") process.exitCode = 1;
 */
export function compareRuns(
  baseline: EvalRun,
  candidate: EvalRun,
  options: CompareRunsOptions = {},
): EvalComparison {
  const alpha = options.alpha ?? 0.05;
  const maxPassRateDrop = options.maxPassRateDrop ?? 0.05;
  const candidateById = new Map(candidate.rows.map((row) => [row.rowId, row]));
  const baselineIds = new Set(baseline.rows.map((row) => row.rowId));
  const pairs = baseline.rows.flatMap((row) => {
    const other = candidateById.get(row.rowId);
    return other ? [{ baseline: row, candidate: other }] : [];
  });
  const evaluatorNames = baseline.evaluators.filter((name) => candidate.evaluators.includes(name));
  const evaluators = evaluatorNames.map((name) => compareEvaluator({ name, pairs, alpha, maxPassRateDrop }));

  const regressedRows: RegressedRow[] = [];
  for (const pair of pairs) {
    const regressed = evaluatorNames.filter(
      (name) =>
        findResult(pair.baseline, name)?.passed === true && findResult(pair.candidate, name)?.passed !== true,
    );
    if (regressed.length === 0) continue;
    const explanations: Record<string, string> = {};
    for (const name of regressed) {
      const explanation = findResult(pair.candidate, name)?.explanation;
      if (explanation !== undefined) explanations[name] = explanation;
    }
    regressedRows.push({
      rowId: pair.baseline.rowId,
      evaluators: regressed,
      baselineOutput: pair.baseline.outputText,
      candidateOutput: pair.candidate.outputText,
      explanations,
      ...(pair.candidate.error
        ? { candidateError: `${pair.candidate.error.type}: ${pair.candidate.error.message}` }
        : {}),
    });
  }
  return {
    baseline: baseline.target,
    candidate: candidate.target,
    pairedRows: pairs.length,
    unpaired: {
      baselineOnly: baseline.rows.filter((row) => !candidateById.has(row.rowId)).map((row) => row.rowId),
      candidateOnly: candidate.rows.filter((row) => !baselineIds.has(row.rowId)).map((row) => row.rowId),
    },
    alpha,
    maxPassRateDrop,
    evaluators,
    cost: { baseline: summarizeRunCost(baseline), candidate: summarizeRunCost(candidate) },
    regressedRows,
    verdict: evaluators.some((evaluator) => evaluator.verdict === "regression") ? "regression" : "pass",
  };
}

function compareEvaluator(options: {
  name: string;
  pairs: { baseline: EvalRowResult; candidate: EvalRowResult }[];
  alpha: number;
  maxPassRateDrop: number;
}): EvaluatorComparison {
  const { name, pairs, alpha, maxPassRateDrop } = options;
  const baselineResults = pairs.map((pair) => findResult(pair.baseline, name));
  const candidateResults = pairs.map((pair) => findResult(pair.candidate, name));
  const regressedRows: string[] = [];
  const improvedRows: string[] = [];
  pairs.forEach((pair, index) => {
    const before = baselineResults[index]?.passed === true;
    const after = candidateResults[index]?.passed === true;
    if (before && !after) regressedRows.push(pair.baseline.rowId);
    if (!before && after) improvedRows.push(pair.baseline.rowId);
  });
  const baselineSummary = summarizeSide(baselineResults);
  const candidateSummary = summarizeSide(candidateResults);
  const passRateDelta = candidateSummary.passRate - baselineSummary.passRate;
  const mcnemarPValue = exactMcNemarTest({
    baselineOnly: regressedRows.length,
    candidateOnly: improvedRows.length,
  });
  const differences = pairs.map(
    (_, index) => scoreOf(candidateResults[index]) - scoreOf(baselineResults[index]),
  );
  const meanDifference = computeMeanInterval(differences);
  const wilcoxon = wilcoxonSignedRankTest(differences);

  const reasons: string[] = [];
  const percent = (value: number) => `${(value * 100).toFixed(1)} points`;
  const worsePassRate = regressedRows.length > improvedRows.length && mcnemarPValue < alpha;
  if (worsePassRate) {
    reasons.push(`pass rate fell ${percent(-passRateDelta)} (McNemar ${formatP(mcnemarPValue)} < ${alpha})`);
  }
  const scoreDelta = meanDifference?.mean ?? 0;
  if (scoreDelta < 0 && wilcoxon.pValue < alpha) {
    reasons.push(
      `mean score fell by ${(-scoreDelta).toFixed(3)} (Wilcoxon ${formatP(wilcoxon.pValue)} < ${alpha})`,
    );
  }
  if (-passRateDelta > maxPassRateDrop + 1e-12) {
    reasons.push(
      `pass rate fell ${percent(-passRateDelta)}, more than the ${percent(maxPassRateDrop)} tolerated`,
    );
  }
  let verdict: EvaluatorComparison["verdict"] = reasons.length > 0 ? "regression" : "unchanged";
  if (verdict === "unchanged") {
    if (improvedRows.length > regressedRows.length && mcnemarPValue < alpha) {
      reasons.push(`pass rate rose ${percent(passRateDelta)} (McNemar ${formatP(mcnemarPValue)} < ${alpha})`);
    }
    if (scoreDelta > 0 && wilcoxon.pValue < alpha) {
      reasons.push(
        `mean score rose by ${scoreDelta.toFixed(3)} (Wilcoxon ${formatP(wilcoxon.pValue)} < ${alpha})`,
      );
    }
    if (reasons.length > 0) verdict = "improvement";
  }
  return {
    name,
    baseline: baselineSummary,
    candidate: candidateSummary,
    passRateDelta,
    mcnemar: {
      baselineOnly: regressedRows.length,
      candidateOnly: improvedRows.length,
      pValue: mcnemarPValue,
    },
    scoreDifference: { mean: meanDifference, wilcoxon },
    verdict,
    reasons,
    regressedRows,
    improvedRows,
  };
}

function summarizeSide(results: readonly (EvaluationResult | undefined)[]): EvaluatorSideSummary {
  const total = results.length;
  const passed = results.filter((result) => result?.passed === true).length;
  return {
    passed,
    total,
    passRate: total === 0 ? 0 : passed / total,
    passRateInterval: computeWilsonInterval({ successes: passed, trials: total }),
    meanScore: computeMeanInterval(results.map(scoreOf)),
  };
}

/** A result's score; one without a score counts 1 when passed, 0 when not; a missing result counts 0. */
function scoreOf(result: EvaluationResult | undefined): number {
  if (!result) return 0;
  if (typeof result.score === "number" && Number.isFinite(result.score)) return result.score;
  return result.passed ? 1 : 0;
}

function findResult(row: EvalRowResult, name: string): EvaluationResult | undefined {
  return row.evaluations.find((evaluation) => evaluation.name === name);
}

/** A p-value for a sentence: `p = 0.0313` (3 significant digits), or `p < 0.001`. */
export function formatP(value: number): string {
  return value < 0.001 ? "p < 0.001" : `p = ${Number(value.toPrecision(3))}`;
}
