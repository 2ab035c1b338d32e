import { summarizeRunCost } from "../compare/summarize-run-cost.js";
import { escapeHtml } from "./escape-html.js";
import {
  formatMs,
  formatPercent,
  formatPercentInterval,
  formatPoints,
  formatPValue,
  formatScoreInterval,
  formatUsd,
  summarizeRunEvaluators,
} from "./format-report-values.js";
import type { EvalReportInput } from "./types.js";

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.verdict{padding:.6rem .8rem;border-radius:6px;font-weight:600}
.regression{background:#ffebe9;color:#82071e}.pass{background:#dafbe1;color:#116329}
.answer{white-space:pre-wrap;max-height:12rem;overflow:auto;font-family:ui-monospace,monospace;font-size:12px}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th{background:#161b22}th,td{border-color:#30363d}
.regression{background:#490202;color:#ffdcd7}.pass{background:#033a16;color:#aff5b4}}
`;

/**
 * Renders an eval run (and its comparison) as one self-contained HTML page: inline CSS, no scripts, no external
 * assets, and every dataset-, model- or user-provided text HTML-escaped. Same content as the Markdown report,
 * with the answers of regressed rows in full.
 * @example
 * await writeFile("eval.html", renderHtmlReport({ runs: [baseline, candidate], comparison }));
 */
export function renderHtmlReport(report: EvalReportInput): string {
  const { comparison } = report;
  const dataset = report.dataset ?? report.runs[0]?.dataset;
  const title = `sightline eval${dataset ? `: ${dataset}` : ""}`;
  const parts: string[] = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
  ];
  if (comparison) {
    const regression = comparison.verdict === "regression";
    parts.push(
      `<p class="verdict ${regression ? "regression" : "pass"}">${regression ? "Regression" : "No regression"}: candidate <code>${escapeHtml(comparison.candidate)}</code> against baseline <code>${escapeHtml(comparison.baseline)}</code>, ${comparison.pairedRows} paired rows, α = ${comparison.alpha}, pass-rate drop tolerated: ${escapeHtml(formatPoints(comparison.maxPassRateDrop).replace("+", ""))}.</p>`,
      "<h2>Evaluators</h2>",
      "<table><thead><tr><th>Evaluator</th><th>Baseline pass rate [95% CI]</th><th>Candidate pass rate [95% CI]</th><th>Δ</th><th>McNemar p</th><th>Mean score Δ [95% CI]</th><th>Wilcoxon p</th><th>Verdict</th></tr></thead><tbody>",
    );
    for (const evaluator of comparison.evaluators) {
      parts.push(
        `<tr><td>${escapeHtml(evaluator.name)}</td><td class="num">${formatPercent(evaluator.baseline.passRate)} ${formatPercentInterval(evaluator.baseline.passRateInterval)}</td><td class="num">${formatPercent(evaluator.candidate.passRate)} ${formatPercentInterval(evaluator.candidate.passRateInterval)}</td><td class="num">${escapeHtml(formatPoints(evaluator.passRateDelta))}</td><td class="num">${escapeHtml(formatPValue(evaluator.mcnemar.pValue))}</td><td class="num">${escapeHtml(formatScoreInterval(evaluator.scoreDifference.mean, true))}</td><td class="num">${escapeHtml(formatPValue(evaluator.scoreDifference.wilcoxon.pValue))}</td><td${evaluator.verdict === "regression" ? ' class="regression"' : ""}>${escapeHtml(evaluator.verdict)}${evaluator.reasons.length > 0 ? `: ${escapeHtml(evaluator.reasons.join("; "))}` : ""}</td></tr>`,
      );
    }
    parts.push("</tbody></table>");
  } else {
    for (const run of report.runs) {
      parts.push(
        `<h2>${escapeHtml(run.target)}</h2>`,
        "<table><thead><tr><th>Evaluator</th><th>Pass rate [95% CI]</th><th>Mean score [95% CI]</th></tr></thead><tbody>",
      );
      for (const evaluator of summarizeRunEvaluators(run)) {
        parts.push(
          `<tr><td>${escapeHtml(evaluator.name)}</td><td class="num">${formatPercent(evaluator.passRate)} (${evaluator.passed}/${evaluator.total}) ${formatPercentInterval(evaluator.passRateInterval)}</td><td class="num">${escapeHtml(formatScoreInterval(evaluator.meanScore))}</td></tr>`,
        );
      }
      parts.push("</tbody></table>");
    }
  }
  parts.push(
    "<h2>Cost and latency per row</h2>",
    "<table><thead><tr><th>Target</th><th>Rows</th><th>Errors</th><th>Mean cost</th><th>Total cost</th><th>Mean latency</th><th>p50</th><th>p95</th></tr></thead><tbody>",
  );
  for (const run of report.runs) {
    const cost = summarizeRunCost(run);
    parts.push(
      `<tr><td>${escapeHtml(cost.target)}</td><td class="num">${cost.rows}</td><td class="num">${cost.errors}</td><td class="num">${formatUsd(cost.meanCostUsd)}</td><td class="num">${formatUsd(cost.totalCostUsd)}</td><td class="num">${formatMs(cost.meanLatencyMs)}</td><td class="num">${formatMs(cost.p50LatencyMs)}</td><td class="num">${formatMs(cost.p95LatencyMs)}</td></tr>`,
    );
  }
  parts.push("</tbody></table>");
  if (comparison) {
    parts.push(`<h2>Regressed rows (${comparison.regressedRows.length})</h2>`);
    if (comparison.regressedRows.length === 0) {
      parts.push("<p>No row that passed in the baseline fails in the candidate.</p>");
    } else {
      parts.push(
        "<table><thead><tr><th>Row</th><th>Evaluators</th><th>Baseline answer</th><th>Candidate answer</th><th>Why</th></tr></thead><tbody>",
      );
      for (const row of comparison.regressedRows) {
        const why = [
          ...(row.candidateError ? [row.candidateError] : []),
          ...Object.entries(row.explanations).map(([name, explanation]) => `${name}: ${explanation}`),
        ];
        parts.push(
          `<tr><td>${escapeHtml(row.rowId)}</td><td>${escapeHtml(row.evaluators.join(", "))}</td><td><div class="answer">${escapeHtml(row.baselineOutput)}</div></td><td><div class="answer">${escapeHtml(row.candidateOutput)}</div></td><td>${why.map((line) => escapeHtml(line)).join("<br>")}</td></tr>`,
        );
      }
      parts.push("</tbody></table>");
    }
  }
  parts.push("</body></html>", "");
  return parts.join("\n");
}
