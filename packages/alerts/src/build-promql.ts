import { type AlertPlanRule, isSimplePlanRule, type SimplePlanRule } from "./internal-types.js";
import { formatDuration } from "./parse-duration.js";
import {
  driftEventKinds,
  getDimensionAttribute,
  type MetricDescriptor,
  sightlineAttributes,
  sightlineMetrics,
} from "./sightline-metric-names.js";
import { toPrometheusLabelName, toPrometheusMetricName } from "./to-prometheus-name.js";
import type { AlertDimension, NamingMode } from "./types.js";

/** Prometheus label a dimension becomes on the metrics of one kind of rule. */
export function toDimensionLabel(dimension: AlertDimension, signalKind?: string): string {
  return toPrometheusLabelName(getDimensionAttribute(dimension, signalKind));
}

/** A recording rule that precomputes the costly part of one or more alerts. */
export interface RecordingRule {
  record: string;
  expr: string;
}

/** PromQL for one plan rule. */
export interface RulePromQl {
  /** Recording rules the alert reads (none when the expression is cheap). */
  recordingRules: RecordingRule[];
  /** The full alert condition for Prometheus, reading the recording rules. */
  alertCondition: string;
  /** The value the threshold applies to, computed from raw metrics (Grafana, shadow checks). */
  rawValue: string;
}

/** One value expression: optionally precomputed by a recording rule. */
interface ValuePromQl {
  recordingRule: RecordingRule | undefined;
  /** The value as the alert reads it (from the recording rule when there is one). */
  alertValue: string;
  /** The value computed from raw metrics. */
  rawValue: string;
}

function quoteLabelValue(value: string): string {
  return JSON.stringify(value);
}

function selector(metric: string, matchers: string[]): string {
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(", ")}}`;
}

/** `operator by (labels) (expression)`, or `operator(expression)` without labels. */
function aggregate(options: { operator: "sum" | "max"; labels: string[]; expression: string }): string {
  const { operator, labels, expression } = options;
  return labels.length === 0
    ? `${operator}(${expression})`
    : `${operator} by (${labels.join(", ")}) (${expression})`;
}

function sumBy(labels: string[], expression: string): string {
  return aggregate({ operator: "sum", labels, expression });
}

/** Recording-rule level prefix, after the `level:metric:operations` convention. */
function recordLevel(rule: AlertPlanRule): string {
  return rule.grouping.length === 0 ? "sightline" : `sightline_by_${rule.grouping.join("_")}`;
}

/**
 * Builds the value PromQL for a single-condition plan rule. Recording rules are grouped by every `by` and `match` dimension and
 * carry no filter, so rules that share a window and grouping share one recording rule; the alert then
 * selects the matched series from it.
 */
function buildValuePromQl(rule: SimplePlanRule, naming: NamingMode): ValuePromQl {
  const { groupLabels, matchMatchers, window, level } = describeSelection(rule);
  const withRecording = (record: string, build: (matchers: string[]) => string): ValuePromQl => ({
    recordingRule: { record, expr: build([]) },
    alertValue: selector(record, matchMatchers),
    rawValue: build(matchMatchers),
  });
  // Histogram series names add a suffix to the metric name: `_bucket`, `_sum`, `_count`.
  const metricName = (metric: MetricDescriptor, suffix = "") =>
    `${toPrometheusMetricName(metric, naming)}${suffix}`;
  const signal = rule.signal;
  switch (signal.kind) {
    case "budget": {
      const cost = metricName(sightlineMetrics.cost);
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
      const bucket = metricName(histogram, "_bucket");
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
    case "error-ratio":
      return withRecording(`${level}:gen_ai_error_ratio:rate${window}`, (matchers) =>
        buildErrorRatio({ naming, groupLabels, matchers, window }),
      );
    case "token-burn": {
      const sum = metricName(sightlineMetrics.tokenUsage, "_sum");
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
      const score = metricName(sightlineMetrics.driftScore);
      const value = aggregate({
        operator: "max",
        labels: groupLabels,
        expression: `max_over_time(${selector(score, matchMatchers)}[${window}])`,
      });
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
      // A counter series is born at its first event, already at 1, and `increase` cannot see a step
      // it has no earlier sample for; `unless … offset` counts the series that are new in the window.
      // Each side is filtered to > 0 first: `or` matches label sets ignoring the metric name, so an
      // `increase` of 0 for the new series would otherwise hide it.
      const series = selector(metricName(metric), [...kindMatchers, ...matchMatchers]);
      const value = sumBy(
        groupLabels,
        `(increase(${series}[${window}]) > 0) or ((${series} unless ${series} offset ${window}) > 0)`,
      );
      return { recordingRule: undefined, alertValue: value, rawValue: value };
    }
    case "evaluation-pass-rate":
      throw new Error("unreachable: evaluation pass rates are built by buildEvaluationPassRate");
  }
}

/**
 * Share of evaluations that passed, guarded by their count: `ratio < t and count >= minResults`. Both
 * sides count `sightline.gen_ai.evaluation.results` with a pass/fail verdict and no `error.type` (an
 * evaluator that failed itself says nothing about the answer). A group where nothing passed has no
 * `passed="true"` series, so the passed side falls back to `all * 0` there: 0%, which must fire.
 */
function buildEvaluationPassRate(rule: SimplePlanRule, naming: NamingMode): RulePromQl {
  if (rule.signal.kind !== "evaluation-pass-rate") throw new Error("unreachable: not a pass-rate rule");
  const { minResults } = rule.signal;
  const { groupLabels, matchMatchers, window, level } = describeSelection(rule);
  const results = toPrometheusMetricName(sightlineMetrics.evaluationResults, naming);
  const passedLabel = toPrometheusLabelName(sightlineAttributes.evaluationPassed);
  const noError = `${toPrometheusLabelName(sightlineAttributes.errorType)}=""`;
  const increaseOf = (matchers: string[]) =>
    sumBy(groupLabels, `increase(${selector(results, [...matchers, noError])}[${window}])`);
  const count = (matchers: string[]) => increaseOf([...matchers, `${passedLabel}!=""`]);
  const ratio = (matchers: string[]) => {
    const all = count(matchers);
    return `(${increaseOf([...matchers, `${passedLabel}="true"`])} or ${all} * 0) / ${all}`;
  };
  const ratioRecord = `${level}:gen_ai_evaluation_pass_ratio:increase${window}`;
  const countRecord = `${level}:gen_ai_evaluation_results:increase${window}`;
  return {
    recordingRules: [
      { record: ratioRecord, expr: ratio([]) },
      { record: countRecord, expr: count([]) },
    ],
    alertCondition: `${selector(ratioRecord, matchMatchers)} < ${rule.threshold} and ${selector(countRecord, matchMatchers)} >= ${minResults}`,
    // `A and B >= n` keeps A's value where enough evaluations were recorded; Grafana then compares A with t.
    rawValue: `(${ratio(matchMatchers)}) and (${count(matchMatchers)}) >= ${minResults}`,
  };
}

/** Share of failed operations: `rate(count{error_type!=""}) / rate(count)`, both summed by the grouping. */
function buildErrorRatio(options: {
  naming: NamingMode;
  groupLabels: string[];
  matchers: string[];
  window: string;
}): string {
  const { naming, groupLabels, matchers, window } = options;
  const count = `${toPrometheusMetricName(sightlineMetrics.operationDuration, naming)}_count`;
  const errorMatcher = `${toPrometheusLabelName(sightlineAttributes.errorType)}!=""`;
  const failed = sumBy(groupLabels, `rate(${selector(count, [...matchers, errorMatcher])}[${window}])`);
  const all = sumBy(groupLabels, `rate(${selector(count, matchers)}[${window}])`);
  return `${failed} / ${all}`;
}

/**
 * Share of bad calls for an SLO over one window: failures, or with a latency objective everything that
 * did not succeed within it (`1 - good / all`, good counted from the `le` bucket without `error.type`).
 */
function buildSloBadRatio(options: {
  rule: AlertPlanRule;
  naming: NamingMode;
  latencySeconds: number | undefined;
  windowSeconds: number;
}): { record: string; build: (matchers: string[]) => string } {
  const { rule, naming, latencySeconds, windowSeconds } = options;
  const groupLabels = rule.grouping.map((dimension) => toDimensionLabel(dimension));
  const window = formatDuration(windowSeconds);
  if (latencySeconds === undefined) {
    return {
      record: `${recordLevel(rule)}:gen_ai_error_ratio:rate${window}`,
      build: (matchers) => buildErrorRatio({ naming, groupLabels, matchers, window }),
    };
  }
  const histogram = toPrometheusMetricName(sightlineMetrics.operationDuration, naming);
  const goodMatchers = [
    `le="${latencySeconds}"`,
    `${toPrometheusLabelName(sightlineAttributes.errorType)}=""`,
  ];
  return {
    record: `${recordLevel(rule)}:gen_ai_slo_bad_ratio_le_${String(latencySeconds).replace(".", "_")}:rate${window}`,
    build: (matchers) => {
      const good = sumBy(
        groupLabels,
        `rate(${selector(`${histogram}_bucket`, [...matchers, ...goodMatchers])}[${window}])`,
      );
      const all = sumBy(groupLabels, `rate(${selector(`${histogram}_count`, matchers)}[${window}])`);
      return `1 - (${good} / ${all})`;
    },
  };
}

/**
 * Builds the PromQL for a plan rule. Recording rules are grouped by every `by` and `match` dimension and
 * carry no filter, so rules that share a window and grouping share one recording rule; the alert then
 * selects the matched series from it. SLO burn alerts need the bad-call ratio above the threshold over
 * both their long and their short window.
 */
export function buildPromQl(rule: AlertPlanRule, naming: NamingMode): RulePromQl {
  const signal = rule.signal;
  if (isSimplePlanRule(rule) && rule.signal.kind === "evaluation-pass-rate") {
    return buildEvaluationPassRate(rule, naming);
  }
  if (isSimplePlanRule(rule)) {
    const value = buildValuePromQl(rule, naming);
    return {
      recordingRules: value.recordingRule ? [value.recordingRule] : [],
      alertCondition: `${value.alertValue} > ${rule.threshold}`,
      rawValue: value.rawValue,
    };
  }
  const matchMatchers = rule.match.map(
    ([dimension, value]) => `${toDimensionLabel(dimension)}=${quoteLabelValue(value)}`,
  );
  if (signal.kind !== "slo-burn") throw new Error("unreachable: simple rules are handled above");
  const latencySeconds = signal.slo.latencySeconds;
  const long = buildSloBadRatio({ rule, naming, latencySeconds, windowSeconds: rule.windowSeconds });
  const short = buildSloBadRatio({ rule, naming, latencySeconds, windowSeconds: signal.shortWindowSeconds });
  const threshold = rule.threshold;
  return {
    recordingRules: [long, short].map((ratio) => ({ record: ratio.record, expr: ratio.build([]) })),
    alertCondition: `${selector(long.record, matchMatchers)} > ${threshold} and ${selector(short.record, matchMatchers)} > ${threshold}`,
    // `A and B > t` keeps A's value where B is above t; Grafana then compares A with t.
    rawValue: `(${long.build(matchMatchers)}) and (${short.build(matchMatchers)}) > ${threshold}`,
  };
}

/** A rule's grouping labels, its match matchers, its window and its recording level, in PromQL terms. */
function describeSelection(rule: SimplePlanRule): {
  groupLabels: string[];
  matchMatchers: string[];
  window: string;
  level: string;
} {
  const kind = rule.signal.kind;
  return {
    groupLabels: rule.grouping.map((dimension) => toDimensionLabel(dimension, kind)),
    matchMatchers: rule.match.map(
      ([dimension, value]) => `${toDimensionLabel(dimension, kind)}=${quoteLabelValue(value)}`,
    ),
    window: formatDuration(rule.windowSeconds),
    level: recordLevel(rule),
  };
}
