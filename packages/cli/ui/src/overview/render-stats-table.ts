import type { CallStats } from "../../../src/web/dev-api-types.js";
import { createElement } from "../dom/create-element.js";
import { formatCost } from "../format/format-cost.js";
import { formatDuration } from "../format/format-duration.js";
import { formatCount } from "../format/format-number.js";

/** A per-model or per-feature table of call stats, most calls first. */
export function renderStatsTable(options: {
  title: string;
  keyLabel: string;
  testId: string;
  rows: readonly (CallStats & { key: string })[];
}): HTMLElement {
  const rows = [...options.rows].sort((left, right) => right.calls - left.calls);
  return createElement("div", { className: "card" }, [
    createElement("h2", { text: options.title }),
    rows.length === 0
      ? createElement("p", { className: "muted", text: "No calls in this window." })
      : createElement("table", { className: "data-table", testId: options.testId }, [
          createElement("thead", {}, [
            createElement(
              "tr",
              {},
              [options.keyLabel, "Calls", "Errors", "p50", "p95", "Tokens in", "Tokens out", "Spend"].map(
                (text) => createElement("th", { text }),
              ),
            ),
          ]),
          createElement(
            "tbody",
            {},
            rows.map((row) =>
              createElement("tr", {}, [
                createElement("td", { className: "cell-key", text: row.key }),
                createElement("td", { className: "num", text: formatCount(row.calls) }),
                createElement("td", {
                  className: row.errors > 0 ? "num text-error" : "num",
                  text: formatCount(row.errors),
                }),
                createElement("td", { className: "num", text: formatDuration(row.p50Ms) }),
                createElement("td", { className: "num", text: formatDuration(row.p95Ms) }),
                createElement("td", { className: "num", text: formatCount(row.inputTokens) }),
                createElement("td", { className: "num", text: formatCount(row.outputTokens) }),
                createElement("td", { className: "num", text: formatCost(row.costUsd) }),
              ]),
            ),
          ),
        ]),
  ]);
}
