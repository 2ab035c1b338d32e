import {
  type AlertPlan,
  firesBelowThreshold,
  isSimplePlanRule,
  type SimplePlanRule,
} from "./internal-types.js";
import { formatDuration } from "./parse-duration.js";
import {
  driftEventKinds,
  getDimensionAttribute,
  sightlineAttributes,
  sightlineMetrics,
} from "./sightline-metric-names.js";
import { toJsonText } from "./to-json-text.js";
import type { AlertSeverity } from "./types.js";

/** Settings of the Datadog renderer. */
export interface DatadogMonitorsOptions {
  /** Tags added to every monitor. */
  tags: string[];
}

/** The body of `POST /api/v1/monitor` (the subset Sightline sets). */
export interface DatadogMonitor {
  name: string;
  type: "query alert";
  query: string;
  message: string;
  tags: string[];
  priority: number;
  options: {
    thresholds: { critical: number };
    notify_no_data: boolean;
    require_full_window: boolean;
    include_tags: boolean;
    renotify_interval: number;
  };
}

const severityPriorities: Record<AlertSeverity, number> = { critical: 1, warning: 3, info: 5 };

/** The monitor query without its comparison, and the threshold in the query's unit. */
function toQuery(rule: SimplePlanRule): { query: string; threshold: number } {
  const window = `last_${formatDuration(rule.windowSeconds)}`;
  // `metric{tag:value,...} by {key,...}` for our dotted OTel names (Datadog keeps the dots). Datadog
  // lower-cases tag values on intake, so filters must be lower-case to match anything.
  const scope = (metric: string, extraFilters: string[] = []): string => {
    const filters = [
      ...extraFilters,
      ...rule.match.map(
        ([dimension, value]) =>
          `${getDimensionAttribute(dimension, rule.signal.kind)}:${value.toLowerCase()}`,
      ),
    ];
    const group =
      rule.grouping.length === 0
        ? ""
        : ` by {${rule.grouping.map((dimension) => getDimensionAttribute(dimension, rule.signal.kind)).join(",")}}`;
    return `${metric}{${filters.length === 0 ? "*" : filters.join(",")}}${group}`;
  };
  const windowMinutes = rule.windowSeconds / 60;
  const signal = rule.signal;
  switch (signal.kind) {
    case "budget": {
      // A monitor sums the window, so the per-period budget is scaled to the window.
      const periodSeconds = signal.period === "hour" ? 3600 : 86_400;
      return {
        query: `sum(${window}):sum:${scope(sightlineMetrics.cost.name)}.as_count()`,
        threshold: Number(((rule.threshold * rule.windowSeconds) / periodSeconds).toPrecision(12)),
      };
    }
    case "latency": {
      // OTel histograms arrive as distributions, which serve percentiles directly.
      const metric =
        signal.histogram === "duration"
          ? sightlineMetrics.operationDuration
          : sightlineMetrics.timeToFirstChunk;
      const percentile = `p${Number((signal.quantile * 100).toPrecision(6))}`;
      return {
        query: `percentile(${window}):${percentile}:${scope(metric.name)}`,
        threshold: rule.threshold,
      };
    }
    case "error-ratio": {
      const metric = sightlineMetrics.operationDuration.name;
      const failed = `count:${scope(metric, [`${sightlineAttributes.errorType}:*`])}`;
      return { query: `sum(${window}):${failed} / count:${scope(metric)}`, threshold: rule.threshold };
    }
    case "token-burn": {
      const tokenFilter =
        signal.tokens === "total" ? [] : [`${sightlineAttributes.tokenType}:${signal.tokens}`];
      return {
        query: `sum(${window}):sum:${scope(sightlineMetrics.tokenUsage.name, tokenFilter)}`,
        threshold: Number((rule.threshold * windowMinutes).toPrecision(12)),
      };
    }
    case "drift-score":
      return {
        query: `max(${window}):max:${scope(sightlineMetrics.driftScore.name)}`,
        threshold: rule.threshold,
      };
    case "model-change": {
      const kindFilter = [`${sightlineAttributes.driftKind}:${driftEventKinds.modelChange}`];
      return {
        query: `sum(${window}):sum:${scope(sightlineMetrics.driftEvents.name, kindFilter)}.as_count()`,
        threshold: rule.threshold,
      };
    }
    case "unpriced":
      return {
        query: `sum(${window}):sum:${scope(sightlineMetrics.unpricedCalls.name)}.as_count()`,
        threshold: rule.threshold,
      };
    case "evaluation-pass-rate": {
      // Results with a verdict and no `error.type` (an evaluator that failed itself), as on Prometheus.
      const metric = sightlineMetrics.evaluationResults.name;
      const noError = `!${sightlineAttributes.errorType}:*`;
      const passed = `sum:${scope(metric, [`${sightlineAttributes.evaluationPassed}:true`, noError])}.as_count()`;
      const all = `sum:${scope(metric, [`${sightlineAttributes.evaluationPassed}:*`, noError])}.as_count()`;
      return { query: `sum(${window}):${passed} / ${all}`, threshold: rule.threshold };
    }
  }
}

/** Builds one Datadog metric monitor per rule, over Sightline's OTel metric names. */
export function buildDatadogMonitors(plan: AlertPlan, options: DatadogMonitorsOptions): DatadogMonitor[] {
  return plan.rules.filter(isSimplePlanRule).map((rule) => {
    const { query, threshold } = toQuery(rule);
    const runbook = rule.runbookUrl === undefined ? "" : `\n\nRunbook: ${rule.runbookUrl}`;
    // A query alert compares one expression, so it cannot also require a minimum count; say so.
    const minResultsNote =
      rule.signal.kind === "evaluation-pass-rate"
        ? `\n\nDatadog monitors compare one query, so minResults (${rule.signal.minResults}) applies to the Prometheus and Grafana targets only.`
        : "";
    return {
      name: `[${rule.severity}] ${rule.title}`,
      type: "query alert",
      query: `${query} ${firesBelowThreshold(rule.signal) ? "<" : ">"} ${threshold}`,
      message: `${rule.description}${minResultsNote}${runbook}`,
      tags: [
        ...options.tags,
        `sightline-rule:${rule.id}`,
        `severity:${rule.severity}`,
        ...Object.entries(rule.labels).map(([name, value]) => `${name}:${value}`.toLowerCase()),
      ],
      priority: severityPriorities[rule.severity],
      options: {
        // Datadog requires the critical threshold to equal the number in the query.
        thresholds: { critical: threshold },
        notify_no_data: false,
        require_full_window: false,
        include_tags: true,
        renotify_interval: 0,
      },
    };
  });
}

/**
 * Rules Datadog monitors cannot express, one message per rule. SLOs belong in Datadog's own SLO feature,
 * whose burn-rate alerts need the id of an SLO created there first.
 */
export function getDatadogWarnings(plan: AlertPlan): string[] {
  const slos = new Map<string, number>();
  for (const rule of plan.rules)
    if (rule.signal.kind === "slo-burn") slos.set(rule.signal.slo.id, rule.sourceIndex);
  return [...slos].map(
    ([id, sourceIndex]) =>
      `${plan.sourceName} rules[${sourceIndex}] (${id}): not rendered for Datadog; create SLOs with Datadog's SLO feature and its burn-rate alerts`,
  );
}

/** Renders Datadog monitor JSON: a list of `POST /api/v1/monitor` bodies. */
export function renderDatadogMonitors(plan: AlertPlan, options: DatadogMonitorsOptions): string {
  return toJsonText(buildDatadogMonitors(plan, options));
}
