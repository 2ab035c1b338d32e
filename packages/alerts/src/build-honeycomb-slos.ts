import type { AlertPlan, AlertPlanRule, SloDefinition } from "./internal-types.js";
import { dimensionAttributes, sightlineAttributes, sightlineSpanColumns } from "./sightline-metric-names.js";

/** A Honeycomb burn alert body (`POST /1/burn_alerts/{dataset}`), without the SLO id it needs. */
export interface HoneycombBurnAlert {
  alert_type: "budget_rate";
  budget_rate_window_minutes: number;
  budget_rate_decrease_threshold_per_million: number;
  description: string;
  recipients: { type: string; target: string }[];
}

/**
 * Everything one SLO needs in Honeycomb, in the order to create it: the SLI derived column, the SLO that
 * reads it, then the burn alerts (set each one's `slo: { id }` to the id Honeycomb returned for the SLO).
 */
export interface HoneycombSloBundle {
  /** `POST /1/derived_columns/{dataset}`: true for a good call, false for a bad one, null for other spans. */
  derivedColumn: { alias: string; expression: string; description: string };
  /** `POST /1/slos/{dataset}`. */
  slo: {
    name: string;
    description: string;
    sli: { alias: string };
    time_period_days: number;
    target_per_million: number;
  };
  /** `POST /1/burn_alerts/{dataset}` bodies: a fast and a slow budget-rate alert. */
  burnAlerts: HoneycombBurnAlert[];
}

function quote(value: string): string {
  return JSON.stringify(value);
}

/** The SLI expression: only GenAI operation spans (and matched values) count; good means no error (and fast). */
function toSliExpression(slo: SloDefinition, rule: AlertPlanRule): string {
  const scope = [
    `EXISTS($${sightlineAttributes.operation})`,
    ...rule.match.map(([dimension, value]) => `EQUALS($${dimensionAttributes[dimension]}, ${quote(value)})`),
  ];
  const inScope = scope.length === 1 ? scope[0]! : `AND(${scope.join(", ")})`;
  const succeeded = `NOT(EXISTS($${sightlineSpanColumns.errorType}))`;
  const good =
    slo.latencySeconds === undefined
      ? succeeded
      : `AND(${succeeded}, LTE($${sightlineSpanColumns.durationMs}, ${Number((slo.latencySeconds * 1000).toPrecision(12))}))`;
  // IF without an else yields null, which Honeycomb's SLOs skip: spans that are not LLM calls do not count.
  return `IF(${inScope}, ${good})`;
}

/** Builds one Honeycomb SLO bundle per SLO rule, from its fast- and slow-burn plan rules. */
export function buildHoneycombSlos(plan: AlertPlan): HoneycombSloBundle[] {
  const bundles = new Map<string, HoneycombSloBundle>();
  for (const rule of plan.rules) {
    const signal = rule.signal;
    if (signal.kind !== "slo-burn") continue;
    const slo = signal.slo;
    let bundle = bundles.get(slo.id);
    if (bundle === undefined) {
      const alias = `sli.sightline_${slo.id.replaceAll("-", "_")}`;
      const runbook = rule.runbookUrl === undefined ? "" : ` Runbook: ${rule.runbookUrl}`;
      bundle = {
        derivedColumn: {
          alias,
          expression: toSliExpression(slo, rule),
          description: `SLI of ${slo.title} (Sightline rule ${slo.id})`,
        },
        slo: {
          name: slo.title,
          description: `${slo.description}${runbook} (Sightline rule ${slo.id})`,
          sli: { alias },
          time_period_days: slo.periodDays,
          target_per_million: Math.round(slo.objective * 1_000_000),
        },
        burnAlerts: [],
      };
      bundles.set(slo.id, bundle);
    }
    bundle.burnAlerts.push({
      alert_type: "budget_rate",
      budget_rate_window_minutes: rule.windowSeconds / 60,
      budget_rate_decrease_threshold_per_million: Math.round(signal.budgetFraction * 1_000_000),
      description: `[${rule.severity}] ${rule.title}`,
      recipients: [],
    });
  }
  return [...bundles.values()];
}
