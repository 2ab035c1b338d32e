import type { OverviewResponse } from "../../../src/web/dev-api-types.js";
import { createElement } from "../dom/create-element.js";
import { formatCost } from "../format/format-cost.js";
import { formatCount } from "../format/format-number.js";

/** Usage from this fraction of the limit on is colored as a warning. */
const WARN_AT = 0.8;

/** Budget usage bars (used / limit), warning at ≥ 80 %, alarming at ≥ 100 %. `null` without budgets. */
export function renderBudgets(budgets: OverviewResponse["budgets"]): HTMLElement | null {
  if (budgets.length === 0) return null;
  return createElement("div", { className: "card" }, [
    createElement("h2", { text: "Budgets" }),
    createElement(
      "div",
      { className: "budgets" },
      budgets.map((budget) => {
        const ratio = budget.limit !== null && budget.limit > 0 ? budget.used / budget.limit : null;
        const level =
          ratio === null ? "" : ratio >= 1 ? "budget-over" : ratio >= WARN_AT ? "budget-warn" : "budget-ok";
        const fill = createElement("span", { className: "budget-fill" });
        fill.style.width = `${Math.min(Math.max(ratio ?? 0, 0), 1) * 100}%`;
        const amount = (value: number) =>
          isUsd(budget.unit)
            ? formatCost(value)
            : `${formatCount(value)}${budget.unit ? ` ${budget.unit}` : ""}`;
        return createElement("div", { className: `budget ${level}`, testId: "budget" }, [
          createElement("div", { className: "budget-head" }, [
            createElement("span", {
              className: "budget-name",
              text: budget.key ? `${budget.name} · ${budget.key}` : budget.name,
            }),
            createElement("span", {
              className: "budget-amount",
              text:
                budget.limit === null
                  ? `${amount(budget.used)} (no limit)`
                  : `${amount(budget.used)} / ${amount(budget.limit)} (${Math.round((ratio ?? 0) * 100)}%)`,
            }),
          ]),
          createElement(
            "div",
            {
              className: "budget-track",
              attributes: {
                role: "progressbar",
                "aria-valuemin": 0,
                "aria-valuemax": 100,
                "aria-valuenow": Math.round((ratio ?? 0) * 100),
              },
            },
            [fill],
          ),
          budget.window
            ? createElement("div", { className: "muted budget-window", text: `window: ${budget.window}` })
            : null,
        ]);
      }),
    ),
  ]);
}

function isUsd(unit: string | null): boolean {
  return unit !== null && /^(usd|\$)$/i.test(unit);
}
