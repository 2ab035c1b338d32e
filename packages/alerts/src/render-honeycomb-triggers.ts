import { buildHoneycombSlos, type HoneycombSloBundle } from "./build-honeycomb-slos.js";
import {
  type AlertPlan,
  firesBelowThreshold,
  isSimplePlanRule,
  type SimplePlanRule,
} from "./internal-types.js";
import {
  dimensionAttributes,
  evaluationResultSpanName,
  sightlineAttributes,
  sightlineSpanColumns,
  sightlineSpanEvents,
  unpricedCostMatch,
} from "./sightline-metric-names.js";
import { toJsonText } from "./to-json-text.js";

/** Settings of the Honeycomb renderer. */
export interface HoneycombTriggersOptions {
  /** Dataset slug the triggers belong to (`__all__` for environment-wide). */
  dataset: string;
}

/** A Honeycomb query calculation. */
export interface HoneycombCalculation {
  op: string;
  column?: string;
}

/** A Honeycomb query filter. */
export interface HoneycombFilter {
  column: string;
  op: string;
  value?: string | number;
}

/** The body of `POST /1/triggers/{dataset}`. */
export interface HoneycombTrigger {
  name: string;
  description: string;
  disabled: boolean;
  query: {
    calculations: HoneycombCalculation[];
    calculated_fields?: { name: string; expression: string }[];
    filters: HoneycombFilter[];
    filter_combination: "AND";
    breakdowns: string[];
    time_range: number;
  };
  frequency: number;
  threshold: { op: ">" | ">=" | "<" | "<="; value: number; exceeded_limit: number };
  alert_type: "on_change" | "on_true";
  evaluation_schedule_type: "frequency";
  recipients: { type: string; target: string }[];
}

/** The rendered file: the dataset, the triggers and the SLOs (with their burn alerts) to create in it. */
export interface HoneycombTriggerFile {
  dataset: string;
  triggers: HoneycombTrigger[];
  slos: HoneycombSloBundle[];
}

// Honeycomb's percentile operators; the alert-file validation only lets these quantiles through.
const percentileOperators: Record<number, string> = {
  0.5: "P50",
  0.75: "P75",
  0.9: "P90",
  0.95: "P95",
  0.99: "P99",
  0.999: "P999",
};

/** Honeycomb trigger limits: frequency in whole minutes, and the query may cover at most four runs. */
function toSchedule(rule: SimplePlanRule): { frequency: number; exceededLimit: number } {
  const frequency = Math.min(86_400, Math.max(60, Math.ceil(rule.windowSeconds / 4 / 60) * 60));
  // Consecutive failing runs stand in for `for`; Honeycomb accepts at most 5.
  const exceededLimit = Math.min(5, Math.max(1, Math.ceil(rule.forSeconds / frequency)));
  return { frequency, exceededLimit };
}

/** The calculation, filters and threshold for a rule; span columns for spans, `name` for span events. */
function toQueryParts(rule: SimplePlanRule): Pick<
  HoneycombTrigger["query"],
  "calculations" | "calculated_fields" | "filters"
> & {
  value: number;
} {
  const operationSpans: HoneycombFilter = { column: sightlineAttributes.operation, op: "exists" };
  const windowMinutes = rule.windowSeconds / 60;
  const signal = rule.signal;
  switch (signal.kind) {
    case "budget": {
      // Honeycomb sums what happened in the window, so the per-period budget is scaled to the window.
      const periodSeconds = signal.period === "hour" ? 3600 : 86_400;
      return {
        calculations: [{ op: "SUM", column: sightlineSpanColumns.cost }],
        filters: [operationSpans],
        value: Number(((rule.threshold * rule.windowSeconds) / periodSeconds).toPrecision(12)),
      };
    }
    case "latency":
      return signal.histogram === "duration"
        ? {
            calculations: [
              { op: percentileOperators[signal.quantile] ?? "P95", column: sightlineSpanColumns.durationMs },
            ],
            filters: [operationSpans],
            value: Number((rule.threshold * 1000).toPrecision(12)),
          }
        : {
            calculations: [
              {
                op: percentileOperators[signal.quantile] ?? "P95",
                column: sightlineSpanColumns.timeToFirstChunk,
              },
            ],
            filters: [operationSpans, { column: sightlineSpanColumns.timeToFirstChunk, op: "exists" }],
            value: rule.threshold,
          };
    case "error-ratio":
      return {
        calculated_fields: [
          { name: "sightline_failed", expression: `IF(EXISTS($${sightlineSpanColumns.errorType}), 1, 0)` },
        ],
        calculations: [{ op: "AVG", column: "sightline_failed" }],
        filters: [operationSpans],
        value: rule.threshold,
      };
    case "token-burn": {
      const value = Number((rule.threshold * windowMinutes).toPrecision(12));
      if (signal.tokens !== "total") {
        const column =
          signal.tokens === "input" ? sightlineSpanColumns.inputTokens : sightlineSpanColumns.outputTokens;
        return { calculations: [{ op: "SUM", column }], filters: [operationSpans], value };
      }
      const input = sightlineSpanColumns.inputTokens;
      const output = sightlineSpanColumns.outputTokens;
      return {
        calculated_fields: [
          {
            name: "sightline_total_tokens",
            expression: `SUM(COALESCE($${input}, 0), COALESCE($${output}, 0))`,
          },
        ],
        calculations: [{ op: "SUM", column: "sightline_total_tokens" }],
        filters: [operationSpans],
        value,
      };
    }
    case "drift-score":
      // Spans carry drift as `sightline.drift` events, recorded when a detector crosses its own threshold
      // (score 1); the score itself is only a metric, so any event counts.
      return {
        calculations: [{ op: "COUNT" }],
        filters: [{ column: sightlineSpanColumns.eventName, op: "=", value: sightlineSpanEvents.drift }],
        value: 0,
      };
    case "model-change":
      return {
        calculations: [{ op: "COUNT" }],
        filters: [
          { column: sightlineSpanColumns.eventName, op: "=", value: sightlineSpanEvents.modelChange },
        ],
        value: rule.threshold,
      };
    case "unpriced":
      return {
        calculations: [{ op: "COUNT" }],
        filters: [{ column: sightlineSpanColumns.costMatch, op: "=", value: unpricedCostMatch }],
        value: rule.threshold,
      };
    case "evaluation-pass-rate":
      // One `gen_ai.evaluation.result` span per result; those without a verdict, or whose evaluator
      // failed itself (`error.type`), say nothing about the answer.
      return {
        calculated_fields: [
          {
            name: "sightline_evaluation_passed",
            expression: `IF($${sightlineSpanColumns.evaluationPassed}, 1, 0)`,
          },
        ],
        calculations: [{ op: "AVG", column: "sightline_evaluation_passed" }],
        filters: [
          { column: sightlineSpanColumns.spanName, op: "=", value: evaluationResultSpanName },
          { column: sightlineSpanColumns.evaluationPassed, op: "exists" },
          { column: sightlineSpanColumns.errorType, op: "does-not-exist" },
        ],
        value: rule.threshold,
      };
  }
}

/** Builds one Honeycomb trigger per rule, over the span columns Sightline writes. */
export function buildHoneycombTriggers(
  plan: AlertPlan,
  options: HoneycombTriggersOptions,
): HoneycombTriggerFile {
  const triggers = plan.rules.filter(isSimplePlanRule).map((rule): HoneycombTrigger => {
    const { value, ...parts } = toQueryParts(rule);
    const { frequency, exceededLimit } = toSchedule(rule);
    const matchFilters = rule.match.map(([dimension, matchValue]) => ({
      column: dimensionAttributes[dimension],
      op: "=",
      value: matchValue,
    }));
    const runbook = rule.runbookUrl === undefined ? "" : ` Runbook: ${rule.runbookUrl}`;
    // Say so when Honeycomb cannot apply the rule's own drift threshold, rather than change it silently.
    const driftNote =
      rule.signal.kind === "drift-score" && rule.threshold !== 1
        ? ` Honeycomb counts sightline.drift events, recorded at the detector's own threshold (score 1); the rule's threshold of ${rule.threshold} applies to the metric targets only.`
        : "";
    // A trigger has one calculation, so it cannot also require a minimum count; say so.
    const minResultsNote =
      rule.signal.kind === "evaluation-pass-rate"
        ? ` Honeycomb triggers have one calculation, so minResults (${rule.signal.minResults}) applies to the metric targets only.`
        : "";
    return {
      name: `[${rule.severity}] ${rule.title}`.slice(0, 120),
      description: `${rule.description}${driftNote}${minResultsNote}${runbook} (Sightline rule ${rule.id})`,
      disabled: false,
      query: {
        calculations: parts.calculations,
        ...(parts.calculated_fields ? { calculated_fields: parts.calculated_fields } : {}),
        filters: [...parts.filters, ...matchFilters],
        filter_combination: "AND",
        breakdowns: rule.grouping.map((dimension) => dimensionAttributes[dimension]),
        time_range: rule.windowSeconds,
      },
      frequency,
      threshold: { op: firesBelowThreshold(rule.signal) ? "<" : ">", value, exceeded_limit: exceededLimit },
      alert_type: "on_change",
      evaluation_schedule_type: "frequency",
      recipients: [],
    };
  });
  return { dataset: options.dataset, triggers, slos: buildHoneycombSlos(plan) };
}

/**
 * Renders Honeycomb JSON: `{ dataset, triggers, slos }`; each trigger is a `POST /1/triggers/{dataset}`
 * body, each SLO a derived column, SLO and burn alerts to create in that order.
 */
export function renderHoneycombTriggers(plan: AlertPlan, options: HoneycombTriggersOptions): string {
  return toJsonText(buildHoneycombTriggers(plan, options));
}
