import type { Attributes, MeterProvider } from "@opentelemetry/api";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import { CORE_SCOPE_NAME } from "../metrics/create-core-instruments.js";
import {
  ATTR_SIGHTLINE_BUDGET_KEY,
  ATTR_SIGHTLINE_BUDGET_NAME,
  ATTR_SIGHTLINE_BUDGET_UNIT,
  ATTR_SIGHTLINE_BUDGET_WINDOW,
  METRIC_SIGHTLINE_BUDGET_LIMIT,
  METRIC_SIGHTLINE_BUDGET_USED,
} from "../semconv.js";
import type { BudgetUsage } from "./types.js";

/** Per-key budgets export at most this many series each (the keys nearest their limit), so a per-user budget cannot flood the backend. */
export const MAX_EXPORTED_KEYS_PER_BUDGET = 50;

/**
 * Exports every budget's spend and limit as gauges read at collection time
 * (`sightline.budget.used`, `sightline.budget.limit`), so alert rules can compare them fleet-wide
 * (`sum by (sightline_budget_name) (used) / max(limit)`) with no extra state here.
 */
export function observeBudgetUsage(options: {
  meterProvider: MeterProvider;
  usage: () => BudgetUsage[];
}): void {
  const meter = options.meterProvider.getMeter(CORE_SCOPE_NAME);
  const used = meter.createObservableGauge(METRIC_SIGHTLINE_BUDGET_USED, {
    description: "Spend so far in the budget's current window (USD or tokens, see sightline.budget.unit)",
  });
  const limit = meter.createObservableGauge(METRIC_SIGHTLINE_BUDGET_LIMIT, {
    description: "The budget's limit (USD or tokens, see sightline.budget.unit)",
  });
  meter.addBatchObservableCallback(
    (observer) => {
      try {
        for (const entry of selectExported(options.usage())) {
          const attributes: Attributes = {
            [ATTR_SIGHTLINE_BUDGET_NAME]: entry.budget,
            [ATTR_SIGHTLINE_BUDGET_UNIT]: entry.unit,
            [ATTR_SIGHTLINE_BUDGET_WINDOW]: entry.window,
          };
          if (entry.key !== undefined) attributes[ATTR_SIGHTLINE_BUDGET_KEY] = entry.key;
          observer.observe(used, entry.used, attributes);
          observer.observe(limit, entry.limit, attributes);
        }
      } catch (error) {
        reportTelemetryError("observing budget usage", error);
      }
    },
    [used, limit],
  );
}

function selectExported(usage: BudgetUsage[]): BudgetUsage[] {
  const byBudget = new Map<string, BudgetUsage[]>();
  for (const entry of usage) {
    const list = byBudget.get(entry.budget) ?? [];
    list.push(entry);
    byBudget.set(entry.budget, list);
  }
  const selected: BudgetUsage[] = [];
  for (const list of byBudget.values()) {
    list.sort((left, right) => right.used / right.limit - left.used / left.limit);
    selected.push(...list.slice(0, MAX_EXPORTED_KEYS_PER_BUDGET));
  }
  return selected;
}
