import { summarizeRunCost } from "../compare/summarize-run-cost.js";
import {
  formatMs,
  formatPercent,
  formatPercentInterval,
  formatPoints,
  formatPValue,
  formatScoreInterval,
  formatUsd,
  summarizeRunEvaluators,
  truncate,
} from "./format-report-values.js";
import type { EvalReportInput } from "./types.js";

/**
 * Renders an eval run (and its baseline/candidate comparison) as GitHub-flavoured Markdown: the verdict, a
 * table per evaluator (pass rates with Wilson 95% intervals, McNemar p, mean score difference with its 95%
 * interval, Wilcoxon p, verdict and why), cost and latency per row, and the regressed rows with both answers.
 * Answers are cut to one line and escaped (`|`, `<`, `>`, `&`, backticks), so a model's output cannot break the
 * table or inject HTML.
 * @example
 * await writeFile("eval.md", renderMarkdownReport({ runs: [baseline, candidate], comparison }));
 */
export function renderMarkdownReport(report: EvalReportInput): string {
  const { comparison } = report;
  const dataset = report.dataset ?? report.runs[0]?.dataset;
  const lines: string[] = [`# sightline eval${dataset ? `: ${cell(dataset)}` : ""}`, ""];
  if (comparison) {
    const verdict = comparison.verdict === "regression" ? "❌ regression" : "✅ no regression";
    lines.push(
      `**${verdict}**: candidate \`${code(comparison.candidate)}\` against baseline \`${code(comparison.baseline)}\`, ${comparison.pairedRows} paired rows, α = ${comparison.alpha}, pass-rate drop tolerated: ${formatPoints(comparison.maxPassRateDrop).replace("+", "")}.`,
      "",
      "## Evaluators",
      "",
      "| Evaluator | Baseline pass rate [95% CI] | Candidate pass rate [95% CI] | Δ | McNemar p | Mean score Δ [95% CI] | Wilcoxon p | Verdict |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const evaluator of comparison.evaluators) {
      const verdictCell =
        evaluator.verdict === "regression"
          ? `❌ regression: ${cell(evaluator.reasons.join("; "))}`
          : evaluator.verdict === "improvement"
            ? `✅ improvement: ${cell(evaluator.reasons.join("; "))}`
            : "unchanged";
      lines.push(
        `| ${cell(evaluator.name)} | ${formatPercent(evaluator.baseline.passRate)} ${formatPercentInterval(evaluator.baseline.passRateInterval)} | ${formatPercent(evaluator.candidate.passRate)} ${formatPercentInterval(evaluator.candidate.passRateInterval)} | ${formatPoints(evaluator.passRateDelta)} | ${formatPValue(evaluator.mcnemar.pValue)} | ${formatScoreInterval(evaluator.scoreDifference.mean, true)} | ${formatPValue(evaluator.scoreDifference.wilcoxon.pValue)} | ${verdictCell} |`,
      );
    }
    lines.push("");
  } else {
    for (const run of report.runs) {
      lines.push(
        `## ${cell(run.target)}`,
        "",
        "| Evaluator | Pass rate [95% CI] | Mean score [95% CI] |",
        "| --- | --- | --- |",
      );
      for (const evaluator of summarizeRunEvaluators(run)) {
        lines.push(
          `| ${cell(evaluator.name)} | ${formatPercent(evaluator.passRate)} (${evaluator.passed}/${evaluator.total}) ${formatPercentInterval(evaluator.passRateInterval)} | ${formatScoreInterval(evaluator.meanScore)} |`,
        );
      }
      lines.push("");
    }
  }
  lines.push(
    "## Cost and latency per row",
    "",
    "| Target | Rows | Errors | Mean cost | Total cost | Mean latency | p50 | p95 |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const run of report.runs) {
    const cost = summarizeRunCost(run);
    lines.push(
      `| ${cell(cost.target)} | ${cost.rows} | ${cost.errors} | ${formatUsd(cost.meanCostUsd)} | ${formatUsd(cost.totalCostUsd)} | ${formatMs(cost.meanLatencyMs)} | ${formatMs(cost.p50LatencyMs)} | ${formatMs(cost.p95LatencyMs)} |`,
    );
  }
  lines.push("");
  if (comparison) {
    lines.push(`## Regressed rows (${comparison.regressedRows.length})`, "");
    if (comparison.regressedRows.length === 0) {
      lines.push("No row that passed in the baseline fails in the candidate.", "");
    } else {
      lines.push(
        "| Row | Evaluators | Baseline answer | Candidate answer | Why |",
        "| --- | --- | --- | --- | --- |",
      );
      for (const row of comparison.regressedRows) {
        const why = [
          ...(row.candidateError ? [row.candidateError] : []),
          ...Object.entries(row.explanations).map(([name, explanation]) => `${name}: ${explanation}`),
        ].join("; ");
        lines.push(
          `| ${cell(row.rowId)} | ${cell(row.evaluators.join(", "))} | ${cell(truncate(row.baselineOutput))} | ${cell(truncate(row.candidateOutput))} | ${cell(truncate(why, 240))} |`,
        );
      }
      lines.push("");
    }
  }
  return `${lines.join("\n")}`;
}

/** Text safe in a Markdown table cell: one line, pipes and HTML escaped. */
function cell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/`/g, "\\`")
    .replace(/\s+/g, " ")
    .trim();
}

/** Text inside backticks: backticks cannot be escaped there, so they are dropped. */
function code(text: string): string {
  return text.replace(/`/g, "'").replace(/\s+/g, " ");
}
