import { computeMeanInterval } from "../compare/statistics/compute-mean-interval.js";
import { computeWilsonInterval } from "../compare/statistics/compute-wilson-interval.js";
import type { EvalRun } from "../run/types.js";

/** `90.0%`. */
export function formatPercent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** `[69.9%, 97.2%]`. */
export function formatPercentInterval([low, high]: readonly [number, number]): string {
  return `[${formatPercent(low)}, ${formatPercent(high)}]`;
}

/** `+5.0 pts` / `−30.0 pts`. */
export function formatPoints(delta: number): string {
  const points = (delta * 100).toFixed(1);
  return delta > 0 ? `+${points} pts` : delta < 0 ? `−${points.replace("-", "")} pts` : "0.0 pts";
}

/** A score or score difference with its interval: `−0.300 [−0.51, −0.09]`. */
export function formatScoreInterval(
  value: { mean: number; interval: [number, number] } | undefined,
  signed = false,
): string {
  if (!value) return "–";
  const number = (x: number) => {
    const text = x.toFixed(3);
    return signed && x > 0 ? `+${text}` : text.replace("-", "−");
  };
  return `${number(value.mean)} [${number(value.interval[0])}, ${number(value.interval[1])}]`;
}

/** A p-value: 4 significant digits, `< 0.0001` below. */
export function formatPValue(value: number): string {
  return value < 0.0001 ? "< 0.0001" : String(Number(value.toPrecision(4)));
}

/** `$0.000123` (6 decimals below a cent), or `–` when unpriced. */
export function formatUsd(value: number | undefined): string {
  if (value === undefined) return "–";
  return `$${value.toFixed(value < 0.01 ? 6 : 4)}`;
}

/** `123 ms` / `1.23 s`. */
export function formatMs(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

/** Text cut to `limit` characters with an ellipsis, on one line. */
export function truncate(text: string, limit = 160): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

/** Per evaluator: pass count, pass rate and Wilson interval, mean score with t interval, for one run. */
export function summarizeRunEvaluators(run: EvalRun) {
  return run.evaluators.map((name) => {
    const results = run.rows.map((row) => row.evaluations.find((evaluation) => evaluation.name === name));
    const passed = results.filter((result) => result?.passed === true).length;
    const total = results.length;
    const scores = results.map((result) =>
      typeof result?.score === "number" ? result.score : result?.passed ? 1 : 0,
    );
    return {
      name,
      passed,
      total,
      passRate: total === 0 ? 0 : passed / total,
      passRateInterval: computeWilsonInterval({ successes: passed, trials: total }),
      meanScore: computeMeanInterval(scores),
    };
  });
}
