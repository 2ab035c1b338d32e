import type { MeanInterval } from "./statistics/compute-mean-interval.js";
import type { WilcoxonResult } from "./statistics/wilcoxon-signed-rank-test.js";

export type { MeanInterval, WilcoxonResult };

/** Options of {@link compareRuns}. */
export interface CompareRunsOptions {
  /** Significance level of the paired tests. Default `0.05`. */
  alpha?: number;
  /**
   * Largest drop in pass rate (0–1, on the paired rows) tolerated without significance: a larger drop is a
   * regression even when the test cannot tell it from noise yet (small datasets). Default `0.05` (5 points);
   * `1` gates on significance alone, `0` on any drop.
   */
  maxPassRateDrop?: number;
}

/** One evaluator's pass rate and scores on one side, over the paired rows. */
export interface EvaluatorSideSummary {
  /** Rows that passed. */
  passed: number;
  /** Paired rows. */
  total: number;
  /** passed / total (0 for no rows). */
  passRate: number;
  /** Wilson score 95% interval of the pass rate. */
  passRateInterval: [number, number];
  /** Mean score with its 95% t interval (a score-less result counts 1 when passed, 0 when not). */
  meanScore: MeanInterval | undefined;
}

/** `regression`: the candidate is worse (see {@link compareRuns}); `improvement`: significantly better. */
export type EvaluatorVerdict = "regression" | "improvement" | "unchanged";

/** One evaluator, baseline against candidate. */
export interface EvaluatorComparison {
  /** The evaluator's name. */
  name: string;
  baseline: EvaluatorSideSummary;
  candidate: EvaluatorSideSummary;
  /** candidate pass rate − baseline pass rate. */
  passRateDelta: number;
  /** Exact McNemar test on the pass/fail pairs. */
  mcnemar: { baselineOnly: number; candidateOnly: number; pValue: number };
  /** Paired score differences (candidate − baseline): their mean with a 95% t interval, and the Wilcoxon signed-rank test. */
  scoreDifference: { mean: MeanInterval | undefined; wilcoxon: WilcoxonResult };
  /** The verdict, and why, in words. */
  verdict: EvaluatorVerdict;
  reasons: string[];
  /** Rows that passed in the baseline and fail in the candidate. */
  regressedRows: string[];
  /** Rows that failed in the baseline and pass in the candidate. */
  improvedRows: string[];
}

/** Cost and latency per row of one run (all its rows, paired or not). */
export interface RunCostSummary {
  /** The target's name. */
  target: string;
  /** Rows. */
  rows: number;
  /** Rows whose call failed after retries. */
  errors: number;
  /** Mean USD per row over the priced rows; undefined when no row was priced. */
  meanCostUsd?: number;
  /** USD over all rows. */
  totalCostUsd?: number;
  /** Rows with a price. */
  pricedRows: number;
  /** Mean, median and 95th percentile latency per row in milliseconds (model-call spans, else wall time). */
  meanLatencyMs: number;
  p50LatencyMs: number;
  p95LatencyMs: number;
}

/** A row that regressed on at least one evaluator, with both answers, for the report. */
export interface RegressedRow {
  rowId: string;
  /** The evaluators it regressed on. */
  evaluators: string[];
  baselineOutput: string;
  candidateOutput: string;
  /** The candidate's explanation per regressed evaluator, when given. */
  explanations: Record<string, string>;
  /** The candidate's error, when its call failed. */
  candidateError?: string;
}

/** What {@link compareRuns} found. */
export interface EvalComparison {
  /** Target names. */
  baseline: string;
  candidate: string;
  /** Rows present in both runs (by id): the ones compared. */
  pairedRows: number;
  /** Row ids present in one run only (left out of every statistic but cost and latency). */
  unpaired: { baselineOnly: string[]; candidateOnly: string[] };
  alpha: number;
  maxPassRateDrop: number;
  /** One entry per evaluator present in both runs, in the baseline's order. */
  evaluators: EvaluatorComparison[];
  cost: { baseline: RunCostSummary; candidate: RunCostSummary };
  /** Rows that regressed on any evaluator, in dataset order. */
  regressedRows: RegressedRow[];
  /** `regression` when any evaluator's verdict is `regression`, else `pass`. */
  verdict: "regression" | "pass";
}
