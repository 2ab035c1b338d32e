import type { CallStats } from "../../../src/web/dev-api-types.js";
import { createElement } from "../dom/create-element.js";
import { formatCost } from "../format/format-cost.js";
import { formatDuration } from "../format/format-duration.js";
import { formatCount } from "../format/format-number.js";

/** The overview's headline numbers for the window: calls, errors, p50/p95 latency, tokens, spend. */
export function renderKpis(totals: CallStats): HTMLElement {
  const errorRate = totals.calls > 0 ? ` (${((totals.errors / totals.calls) * 100).toFixed(1)}%)` : "";
  const items: [string, string, string, string?][] = [
    ["calls", "Calls", formatCount(totals.calls)],
    [
      "errors",
      "Errors",
      `${formatCount(totals.errors)}${errorRate}`,
      totals.errors > 0 ? "kpi-error" : undefined,
    ],
    ["p50", "p50 latency", formatDuration(totals.p50Ms)],
    ["p95", "p95 latency", formatDuration(totals.p95Ms)],
    ["input-tokens", "Input tokens", formatCount(totals.inputTokens)],
    ["output-tokens", "Output tokens", formatCount(totals.outputTokens)],
    ["spend", "Spend", formatCost(totals.costUsd)],
  ];
  return createElement(
    "div",
    { className: "kpis" },
    items.map(([id, label, value, extra]) =>
      createElement("div", { className: `kpi ${extra ?? ""}`, testId: `kpi-${id}` }, [
        createElement("div", { className: "kpi-label", text: label }),
        createElement("div", { className: "kpi-value", text: value }),
      ]),
    ),
  );
}
