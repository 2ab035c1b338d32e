import type { EvalComparison, EvalRun } from "@sightline/evals";
import type { Paint } from "../paint.js";
import { sanitizeTerminalText } from "../sanitize-terminal-text.js";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const interval = ([low, high]: readonly [number, number]) => `[${percent(low)}, ${percent(high)}]`;
const usd = (value: number | undefined) => (value === undefined ? "unpriced" : `$${value.toFixed(6)}`);
const ms = (value: number) => `${Math.round(value)} ms`;
const pValue = (value: number) => (value < 0.0001 ? "<0.0001" : String(Number(value.toPrecision(3))));

/** The terminal summary of a comparison: verdict per evaluator, cost and latency, regressed rows. */
export function formatComparisonSummary(options: {
  comparison: EvalComparison;
  paint: Paint;
  maxRows?: number;
}): string {
  const { comparison, paint } = options;
  const text = (value: string) => sanitizeTerminalText(value);
  const lines: string[] = [
    "",
    `${paint("bold", "sightline eval")}: ${text(comparison.candidate)} (candidate) vs ${text(comparison.baseline)} (baseline), ${comparison.pairedRows} paired rows`,
    "",
  ];
  const nameWidth = Math.max(9, ...comparison.evaluators.map((evaluator) => evaluator.name.length));
  lines.push(
    `  ${"evaluator".padEnd(nameWidth)}  ${"baseline".padEnd(24)}  ${"candidate".padEnd(24)}  ${"McNemar p".padEnd(9)}  verdict`,
  );
  for (const evaluator of comparison.evaluators) {
    const verdict =
      evaluator.verdict === "regression"
        ? paint("red", `REGRESSION: ${evaluator.reasons.join("; ")}`)
        : evaluator.verdict === "improvement"
          ? paint("green", `improvement: ${evaluator.reasons.join("; ")}`)
          : "unchanged";
    lines.push(
      `  ${text(evaluator.name).padEnd(nameWidth)}  ${`${percent(evaluator.baseline.passRate)} ${interval(evaluator.baseline.passRateInterval)}`.padEnd(24)}  ${`${percent(evaluator.candidate.passRate)} ${interval(evaluator.candidate.passRateInterval)}`.padEnd(24)}  ${pValue(evaluator.mcnemar.pValue).padEnd(9)}  ${verdict}`,
    );
  }
  lines.push("");
  for (const side of [comparison.cost.baseline, comparison.cost.candidate]) {
    lines.push(
      `  ${text(side.target)}: ${usd(side.meanCostUsd)} per row (${usd(side.totalCostUsd)} in all), latency mean ${ms(side.meanLatencyMs)}, p95 ${ms(side.p95LatencyMs)}${side.errors > 0 ? `, ${side.errors} rows failed` : ""}`,
    );
  }
  const maxRows = options.maxRows ?? 20;
  if (comparison.regressedRows.length > 0) {
    lines.push(
      "",
      `  regressed rows (${comparison.regressedRows.length}, passed in the baseline, fail in the candidate):`,
    );
    for (const row of comparison.regressedRows.slice(0, maxRows)) {
      const why = row.candidateError ?? Object.values(row.explanations)[0] ?? "";
      lines.push(
        `    ${text(row.rowId)}  ${text(row.evaluators.join(", "))}${why ? `  ${text(shorten(why))}` : ""}`,
      );
    }
    if (comparison.regressedRows.length > maxRows) {
      lines.push(
        `    … ${comparison.regressedRows.length - maxRows} more in the report (--report, --html, --json)`,
      );
    }
  }
  lines.push(
    "",
    comparison.verdict === "regression"
      ? paint(
          "red",
          paint(
            "bold",
            `verdict: regression (${comparison.evaluators
              .filter((evaluator) => evaluator.verdict === "regression")
              .map((evaluator) => evaluator.name)
              .join(", ")})`,
          ),
        )
      : paint("green", paint("bold", "verdict: no regression")),
    "",
  );
  return lines.join("\n");
}

/** The terminal summary of runs without a comparison: pass rate per evaluator, cost and latency. */
export function formatRunSummary(options: { runs: readonly EvalRun[]; paint: Paint }): string {
  const lines: string[] = [""];
  for (const run of options.runs) {
    lines.push(`${options.paint("bold", sanitizeTerminalText(run.target))}: ${run.rows.length} rows`);
    for (const name of run.evaluators) {
      const passed = run.rows.filter(
        (row) => row.evaluations.find((evaluation) => evaluation.name === name)?.passed,
      ).length;
      lines.push(
        `  ${sanitizeTerminalText(name)}: ${passed}/${run.rows.length} passed (${percent(run.rows.length === 0 ? 0 : passed / run.rows.length)})`,
      );
    }
    const priced = run.rows.flatMap((row) => (row.costUsd === undefined ? [] : [row.costUsd]));
    const total = priced.reduce((sum, cost) => sum + cost, 0);
    const latency = run.rows.reduce((sum, row) => sum + row.latencyMs, 0) / Math.max(1, run.rows.length);
    const wallClock = run.rows.some((row) => row.latencySource === "wall-clock");
    lines.push(
      `  ${priced.length > 0 ? usd(total / priced.length) : "unpriced"} per row, latency mean ${ms(latency)}${wallClock ? " (wall clock: no model-call spans seen)" : ""}`,
      "",
    );
  }
  return lines.join("\n");
}

function shorten(value: string): string {
  const line = value.replace(/\s+/g, " ").trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
