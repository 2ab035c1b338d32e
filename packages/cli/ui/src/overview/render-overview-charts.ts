import type { OverviewResponse } from "../../../src/web/dev-api-types.js";
import { createLineChart } from "../charts/create-line-chart.js";
import { type BarSeries, createStackedBarChart } from "../charts/create-stacked-bar-chart.js";
import { createElement } from "../dom/create-element.js";
import { formatCost } from "../format/format-cost.js";
import { formatDuration } from "../format/format-duration.js";
import { formatCompact, formatCount } from "../format/format-number.js";

/** Models beyond this many (by spend) are summed as "other" in the spend chart. */
const MAX_MODELS = 6;

/** The four time charts of the overview: calls and errors, p95 latency, tokens, spend by model. */
export function renderOverviewCharts(overview: OverviewResponse): HTMLElement {
  const { series, bucketMs, totals } = overview;
  const bucketStarts = series.map((bucket) => bucket.startMs);
  const common = { bucketStarts, bucketMs };
  const p95Values = series.flatMap((bucket) => (bucket.p95Ms === null ? [] : [bucket.p95Ms]));
  return createElement("div", { className: "chart-grid" }, [
    createStackedBarChart({
      ...common,
      title: "Calls & errors",
      testId: "chart-calls",
      total: `${formatCount(totals.calls)} calls · ${formatCount(totals.errors)} errors`,
      series: [
        { label: "ok", values: series.map((bucket) => Math.max(0, bucket.calls - bucket.errors)) },
        { label: "errors", values: series.map((bucket) => bucket.errors), className: "series-error" },
      ],
      formatValue: formatCompact,
    }),
    createLineChart({
      title: "p95 latency",
      testId: "chart-latency",
      total: `window p95 ${formatDuration(totals.p95Ms)} · worst bucket ${formatDuration(p95Values.length > 0 ? Math.max(...p95Values) : null)}`,
      xDomain: [overview.since, overview.until],
      series: [
        {
          label: "p95",
          points: series.flatMap((bucket) =>
            bucket.p95Ms === null ? [] : [{ x: bucket.startMs + bucketMs / 2, y: bucket.p95Ms }],
          ),
        },
      ],
      formatValue: formatDuration,
    }),
    createStackedBarChart({
      ...common,
      title: "Tokens",
      testId: "chart-tokens",
      total: `${formatCount(totals.inputTokens)} in · ${formatCount(totals.outputTokens)} out`,
      series: [
        { label: "input", values: series.map((bucket) => bucket.inputTokens) },
        { label: "output", values: series.map((bucket) => bucket.outputTokens) },
      ],
      formatValue: formatCompact,
    }),
    createStackedBarChart({
      ...common,
      title: "Spend by model",
      testId: "chart-spend",
      total: `${formatCost(totals.costUsd)} total`,
      series: spendByModel(overview),
      formatValue: formatCost,
    }),
  ]);
}

function spendByModel(overview: OverviewResponse): BarSeries[] {
  const totalsByModel = new Map<string, number>();
  for (const bucket of overview.series)
    for (const [model, value] of Object.entries(bucket.byModel))
      totalsByModel.set(model, (totalsByModel.get(model) ?? 0) + (value.costUsd || 0));
  const ranked = [...totalsByModel.entries()]
    .sort((left, right) => right[1] - left[1])
    .map(([model]) => model);
  const shown = ranked.slice(0, MAX_MODELS);
  const rest = new Set(ranked.slice(MAX_MODELS));
  const result: BarSeries[] = shown.map((model) => ({
    label: model,
    values: overview.series.map((bucket) =>
      Object.hasOwn(bucket.byModel, model) ? (bucket.byModel[model]?.costUsd ?? 0) : 0,
    ),
  }));
  if (rest.size > 0)
    result.push({
      label: `${rest.size} other model${rest.size === 1 ? "" : "s"}`,
      values: overview.series.map((bucket) =>
        Object.entries(bucket.byModel).reduce(
          (sum, [model, value]) => (rest.has(model) ? sum + (value.costUsd || 0) : sum),
          0,
        ),
      ),
    });
  return result;
}
