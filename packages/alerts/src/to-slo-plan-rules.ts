import type { AlertPlanRule, SloDefinition } from "./internal-types.js";
import { resolveRuleBasics, toAlertName } from "./resolve-rule-basics.js";
import type { AlertFile, SloRule } from "./types.js";

// Multi-window, multi-burn-rate alerts as in Google's SRE workbook (chapter "Alerting on SLOs"): page when
// 2% of the period's error budget is spent within an hour, open a ticket when 5% is spent within six hours;
// a short window confirms the burn is still going on, so the alert resolves quickly once it stops.
const burns = [
  { speed: "fast", budgetFraction: 0.02, windowSeconds: 3600, shortWindowSeconds: 300 },
  { speed: "slow", budgetFraction: 0.05, windowSeconds: 21_600, shortWindowSeconds: 1800 },
] as const;

function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(6))}%`;
}

/** Expands one SLO rule into its fast-burn and slow-burn plan rules. */
export function toSloPlanRules(options: {
  rule: SloRule;
  file: AlertFile;
  sourceIndex: number;
}): AlertPlanRule[] {
  const { rule, file, sourceIndex } = options;
  const basics = resolveRuleBasics({ rule, file, defaultFor: "2m" });
  const periodDays = Number((rule.period ?? "30d").replace("d", ""));
  const goodText = rule.latency === undefined ? "succeed" : `succeed within ${rule.latency}s`;
  const promise = `${formatPercent(rule.objective)} of calls${basics.matchText} must ${goodText} over ${periodDays} days.`;
  const slo: SloDefinition = {
    id: rule.id,
    title: rule.title ?? `SLO ${rule.id}`,
    description: rule.description ?? promise,
    objective: rule.objective,
    latencySeconds: rule.latency,
    periodDays,
  };
  return burns.map((burn): AlertPlanRule => {
    const burnRate = Number(
      ((burn.budgetFraction * periodDays * 86_400) / burn.windowSeconds).toPrecision(12),
    );
    const id = `${rule.id}-${burn.speed}-burn`;
    const longText = burn.speed === "fast" ? "1h" : "6h";
    // A rule's own severity applies to the fast burn; the slow burn is a ticket unless everything is info.
    const severity =
      burn.speed === "fast" ? (rule.severity ?? "critical") : basics.severity === "info" ? "info" : "warning";
    return {
      id,
      sourceIndex,
      alertName: toAlertName(id),
      title: `${slo.title}${basics.matchText}: error budget burning ${burn.speed === "fast" ? "fast" : "slowly"}`,
      description: `${slo.description} At the current rate, ${formatPercent(burn.budgetFraction)} of the error budget is gone within ${longText} (burn rate ${burnRate}).`,
      severity,
      runbookUrl: basics.runbookUrl,
      labels: basics.labels,
      signal: {
        kind: "slo-burn",
        slo,
        speed: burn.speed,
        burnRate,
        budgetFraction: burn.budgetFraction,
        shortWindowSeconds: burn.shortWindowSeconds,
      },
      // The bad-call ratio at which the budget burns at this rate.
      threshold: Number((burnRate * (1 - rule.objective)).toPrecision(12)),
      windowSeconds: burn.windowSeconds,
      forSeconds: basics.forSeconds,
      by: [],
      match: basics.match,
      grouping: basics.match.map(([dimension]) => dimension),
    };
  });
}
