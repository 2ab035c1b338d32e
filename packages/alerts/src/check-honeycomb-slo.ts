import type { HoneycombSloBundle } from "./build-honeycomb-slos.js";

const aliasPattern = /^[A-Za-z_][A-Za-z0-9_.-]{0,254}$/;

/**
 * Checks an SLO bundle against Honeycomb's documented constraints (there is no offline validator): an SLI
 * alias the SLO points at, a period of 1–90 days, a whole target per million below one million, and
 * budget-rate burn alerts whose window fits the period and whose threshold is a share of the budget.
 * Returns one message per violation.
 */
export function checkHoneycombSlo(bundle: HoneycombSloBundle): string[] {
  const problems: string[] = [];
  const { derivedColumn, slo, burnAlerts } = bundle;
  if (!aliasPattern.test(derivedColumn.alias))
    problems.push(`alias ${derivedColumn.alias} is not a column name`);
  if (!derivedColumn.expression.startsWith("IF("))
    problems.push("the SLI must yield null for spans it does not cover");
  if (slo.sli.alias !== derivedColumn.alias)
    problems.push(`SLO reads ${slo.sli.alias}, not the SLI ${derivedColumn.alias}`);
  if (slo.name.trim() === "" || slo.name.length > 120) problems.push("SLO name must be 1–120 characters");
  if (!Number.isInteger(slo.time_period_days) || slo.time_period_days < 1 || slo.time_period_days > 90) {
    problems.push(`time_period_days must be 1–90, is ${slo.time_period_days}`);
  }
  const target = slo.target_per_million;
  if (!Number.isInteger(target) || target <= 0 || target >= 1_000_000) {
    problems.push(`target_per_million must be a whole number between 0 and 1000000, is ${target}`);
  }
  if (burnAlerts.length === 0) problems.push("an SLO without burn alerts pages nobody");
  for (const alert of burnAlerts) {
    const window = alert.budget_rate_window_minutes;
    if (!Number.isInteger(window) || window < 60 || window > slo.time_period_days * 1440) {
      problems.push(`budget_rate_window_minutes must be 60 or more and within the period, is ${window}`);
    }
    const threshold = alert.budget_rate_decrease_threshold_per_million;
    if (!Number.isInteger(threshold) || threshold < 1 || threshold > 1_000_000) {
      problems.push(`budget_rate_decrease_threshold_per_million must be 1–1000000, is ${threshold}`);
    }
  }
  return problems;
}
