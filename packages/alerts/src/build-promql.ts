import type { AlertPlanRule } from "./internal-types.js";
import { formatDuration } from "./parse-duration.js";
import {
  driftEventKinds,
  type MetricDescriptor,
  sightlineAttributes,
  sightlineMetrics,
} from "./sightline-metric-names.js";
import { toPrometheusLabelName, toPrometheusMetricName } from "./to-prometheus-name.js";
import type { AlertDimension, NamingMode } from "./types.js";

const dimensionAttributes: Record<AlertDimension, string> = {
  provider: sightlineAttributes.provider,
  model: sightlineAttributes.model,
  operation: sightlineAttributes.operation,
  feature: sightlineAttributes.feature,
  prompt: sightlineAttributes.prompt,
  signal: sightlineAttributes.driftSignal,
};

/** Prometheus label a dimension becomes. */
export function toDimensionLabel(dimension: AlertDimension): string {
  return toPrometheusLabelName(dimensionAttributes[dimension]);
}

/** A recording rule that precomputes the costly part of one or more alerts. */
export interface RecordingRule {
  record: string;
  expr: string;
}

/** PromQL for one plan rule. */
export interface RulePromQl {
  /** Recording rule the alert reads, when the expression is worth precomputing. */
  recordingRule: RecordingRule | undefined;
  /** The value the threshold applies to, reading the recording rule when there is one (Prometheus). */
  alertValue: string;
  /** The same value computed from raw metrics (Grafana, shadow checks). */
  rawValue: string;
}

function quoteLabelValue(value: string): string {
  return JSON.stringify(value);
}

function selector(metric: string, matchers: string[]): string {
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(", ")}}`;
}

function sumBy(labels: string[], expression: string, aggregation = "sum"): string {
  return labels.length === 0
    ? `${aggregation}(${expression})`
    : `${aggregation} by (${labels.join(", ")}) (${expression})`;
}

/** Recording-rule level prefix, after the `level:metric:operations` convention. */
function recordLevel(rule: AlertPlanRule): string {
  return rule.grouping.length === 0 ? "sightline" : `sightline_by_${rule.grouping.join("_")}`;
}

function metricName(metric: MetricDescriptor, naming: NamingMode, suffix = ""): string {
  return `${toPrometheusMetricName(metric, naming)}${suffix}`;
}

/**
 * Builds the PromQL for a plan rule. Recording rules are grouped by every `by` and `match` dimension and
 * carry no filter, so rules that share a window and grouping share one recording rule; the alert then
 * selects the matched series from it.
 */
export function buildPromQl(rule: AlertPlanRule, naming: NamingMode): RulePromQl {
  const groupLabels = rule.grouping.map(toDimensionLabel);
  const matchMatchers = rule.match.map(
    ([dimension, value]) => `${toDimensionLabel(dimension)}=${quoteLabelValue(value)}`,
  );
  const window = formatDuration(rule.windowSeconds);
  const level = recordLevel(rule);
  const withRecording = (record: string, build: (matchers: string[]) => string): RulePromQl => ({
    recordingRule: { record, expr: build([]) },
    alertValue: selector(record, matchMatchers),
    rawValue: build(matchMatchers),
  });
  const signal = rule.signal;
  switch (signal.kind) {
    case "budget": {
      const cost = metricName(sightlineMetrics.cost, naming);
      const perPeriod = withRecording(
        `${level}:gen_ai_cost_usd_per_hour:rate${window}`,
        (matchers) => `${sumBy(groupLabels, `rate(${selector(cost, matchers)}[${window}])`)} * 3600`,
      );
      if (signal.period === "hour") return perPeriod;
      return {
        ...perPeriod,
        alertValue: `${perPeriod.alertValue} * 24`,
        rawValue: `${perPeriod.rawValue} * 24`,
      };
    }
    case "latency": {
      const histogram =
        signal.histogram === "duration"
          ? sightlineMetrics.operationDuration
          : sightlineMetrics.timeToFirstChunk;
      const bucket = metricName(histogram, naming, "_bucket");
      const name =
        signal.histogram === "duration"
          ? "gen_ai_operation_duration_seconds"
          : "gen_ai_time_to_first_chunk_seconds";
      const quantileName = `p${String(Number((signal.quantile * 100).toPrecision(6))).replace(".", "_")}`;
      return withRecording(
        `${level}:${name}:${quantileName}_rate${window}`,
        (matchers) =>
          `histogram_quantile(${signal.quantile}, ${sumBy(["le", ...groupLabels], `rate(${selector(bucket, matchers)}[${window}])`)})`,
      );
    }
    case "error-ratio": {
      const count = metricName(sightlineMetrics.operationDuration, naming, "_count");
      const errorMatcher = `${toPrometheusLabelName(sightlineAttributes.errorType)}!=""`;
      return withRecording(`${level}:gen_ai_error_ratio:rate${window}`, (matchers) => {
        const failed = sumBy(groupLabels, `rate(${selector(count, [...matchers, errorMatcher])}[${window}])`);
        const all = sumBy(groupLabels, `rate(${selector(count, matchers)}[${window}])`);
        return `${failed} / ${all}`;
      });
    }
    case "token-burn": {
      const sum = metricName(sightlineMetrics.tokenUsage, naming, "_sum");
      const typeMatchers =
        signal.tokens === "total"
          ? []
          : [`${toPrometheusLabelName(sightlineAttributes.tokenType)}="${signal.tokens}"`];
      const tokenName = signal.tokens === "total" ? "gen_ai_tokens" : `gen_ai_${signal.tokens}_tokens`;
      return withRecording(
        `${level}:${tokenName}_per_minute:rate${window}`,
        (matchers) =>
          `${sumBy(groupLabels, `rate(${selector(sum, [...matchers, ...typeMatchers])}[${window}])`)} * 60`,
      );
    }
    case "drift-score": {
      // A gauge is cheap to read, so there is no recording rule.
      const score = metricName(sightlineMetrics.driftScore, naming);
      const value = sumBy(groupLabels, `max_over_time(${selector(score, matchMatchers)}[${window}])`, "max");
      return { recordingRule: undefined, alertValue: value, rawValue: value };
    }
    case "model-change":
    case "unpriced": {
      const metric =
        signal.kind === "unpriced" ? sightlineMetrics.unpricedCalls : sightlineMetrics.driftEvents;
      const kindMatchers =
        signal.kind === "model-change"
          ? [`${toPrometheusLabelName(sightlineAttributes.driftKind)}="${driftEventKinds.modelChange}"`]
          : [];
      const value = sumBy(
        groupLabels,
        `increase(${selector(metricName(metric, naming), [...kindMatchers, ...matchMatchers])}[${window}])`,
      );
      return { recordingRule: undefined, alertValue: value, rawValue: value };
    }
  }
}
