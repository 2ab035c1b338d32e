import { toDimensionLabel } from "./build-promql.js";
import type { AlertPlanRule } from "./internal-types.js";
import { driftEventKinds, sightlineAttributes, sightlineMetrics } from "./sightline-metric-names.js";
import { toPrometheusLabelName, toPrometheusMetricName } from "./to-prometheus-name.js";
import type { AlertDimension, NamingMode } from "./types.js";

/** One `input_series` entry of a promtool unit test. */
export interface SyntheticSeries {
  series: string;
  values: string;
}

/** Label values used for dimensions a rule does not match on. */
const sampleValues: Record<AlertDimension, string> = {
  provider: "openai",
  model: "gpt-4o",
  operation: "chat",
  feature: "checkout",
  prompt: "welcome",
  signal: "output_tokens",
  evaluator: "valid_json",
};

/**
 * Whether the series should make the rule fire or keep it quiet; `recovered` (SLO burns only) burns at
 * firing level and then stops for the last `recoveredSteps`, so only the short window sees the recovery.
 */
export type SeriesIntent =
  | "fire"
  | "quiet"
  | "recovered"
  /** Evaluation pass rates only: every evaluation failed (no `passed="true"` series at all); must fire. */
  | "all-failed"
  /** Evaluation pass rates only: a failing pass rate from fewer results than `minResults`; must stay quiet. */
  | "sparse";

/** The value of each dimension for the test series: the matched value when there is one. */
export function getSampleDimensionValues(rule: AlertPlanRule): Record<AlertDimension, string> {
  const values = { ...sampleValues };
  for (const [dimension, value] of rule.match) values[dimension] = value;
  return values;
}

function formatNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

function seriesText(metric: string, labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  return `${metric}{${pairs.join(", ")}}`;
}

/** A counter growing by `perMinute` each 1m step (`0+5x60`), or flat at zero. */
function counterValues(perMinute: number, samples: number): string {
  return perMinute === 0 ? `0x${samples}` : `0+${formatNumber(perMinute)}x${samples}`;
}

/** A counter whose growth changes: `0+5x50 250+0x10` (each phase starts where the last ended). */
function phasedCounterValues(phases: { perMinute: number; steps: number }[]): string {
  let start = 0;
  const parts: string[] = [];
  for (const phase of phases) {
    parts.push(`${formatNumber(start)}+${formatNumber(phase.perMinute)}x${phase.steps}`);
    start += phase.perMinute * phase.steps;
  }
  return parts.join(" ");
}

/**
 * Synthetic series for one rule. Fire series cross the threshold with a wide margin (twice it, or a step
 * above it) so float rounding cannot flip the outcome; quiet series stay at half of it or at zero.
 */
export function buildSyntheticSeries(options: {
  rule: AlertPlanRule;
  naming: NamingMode;
  intent: SeriesIntent;
  dimensionValues: Record<AlertDimension, string>;
  samples: number;
  /** For `recovered`: how many final steps have no bad calls. */
  recoveredSteps?: number;
}): SyntheticSeries[] {
  const { rule, naming, intent, dimensionValues, samples } = options;
  const isDrift = rule.signal.kind === "drift-score" || rule.signal.kind === "model-change";
  const dimensions: AlertDimension[] = isDrift
    ? ["provider", "model", "operation", "feature", "signal"]
    : rule.signal.kind === "evaluation-pass-rate"
      ? ["provider", "model", "operation", "feature", "evaluator"]
      : ["provider", "model", "operation", "feature", "prompt"];
  const labels = Object.fromEntries(
    dimensions.map((dimension) => [
      toDimensionLabel(dimension, rule.signal.kind),
      dimensionValues[dimension],
    ]),
  );
  const factor = intent === "fire" ? 2 : 0.5;
  const threshold = rule.threshold;
  const signal = rule.signal;
  switch (signal.kind) {
    case "budget": {
      const periodMinutes = signal.period === "hour" ? 60 : 1440;
      const metric = toPrometheusMetricName(sightlineMetrics.cost, naming);
      return [
        {
          series: seriesText(metric, labels),
          values: counterValues((factor * threshold) / periodMinutes, samples),
        },
      ];
    }
    case "latency": {
      const histogram =
        signal.histogram === "duration"
          ? sightlineMetrics.operationDuration
          : sightlineMetrics.timeToFirstChunk;
      const bucket = `${toPrometheusMetricName(histogram, naming)}_bucket`;
      // Ten calls a minute, all in (threshold, 2×threshold] to fire or in (threshold/4, threshold/2] to stay
      // quiet; histogram_quantile interpolates inside that bucket, so the quantile lands on the right side.
      const bounds = [threshold / 4, threshold / 2, threshold, threshold * 2];
      const firstFilled = intent === "fire" ? 3 : 1;
      return [
        ...bounds.map((bound, index) => ({
          series: seriesText(bucket, { ...labels, le: formatNumber(bound) }),
          values: counterValues(index >= firstFilled ? 10 : 0, samples),
        })),
        { series: seriesText(bucket, { ...labels, le: "+Inf" }), values: counterValues(10, samples) },
      ];
    }
    case "error-ratio": {
      const ratio = badRatio(intent, threshold);
      return buildErrorSeries({
        naming,
        labels,
        samples,
        failedValues: counterValues(toFailedPerMinute(ratio), samples),
      });
    }
    case "slo-burn": {
      const ratio = badRatio(intent === "quiet" ? "quiet" : "fire", threshold);
      const recoveredSteps = intent === "recovered" ? (options.recoveredSteps ?? 0) : 0;
      const burningSteps = samples - recoveredSteps;
      const latency = signal.slo.latencySeconds;
      if (latency === undefined) {
        const failedValues = phasedCounterValues([
          { perMinute: toFailedPerMinute(ratio), steps: burningSteps },
          { perMinute: 0, steps: recoveredSteps },
        ]);
        return buildErrorSeries({ naming, labels, samples, failedValues });
      }
      // 100 calls a minute, of which the good ones (no error, within the latency) land in `le="latency"`.
      const histogram = toPrometheusMetricName(sightlineMetrics.operationDuration, naming);
      return [
        { series: seriesText(`${histogram}_count`, labels), values: counterValues(100, samples) },
        {
          series: seriesText(`${histogram}_bucket`, { ...labels, le: formatNumber(latency) }),
          values: phasedCounterValues([
            { perMinute: 100 * (1 - ratio), steps: burningSteps },
            { perMinute: 100, steps: recoveredSteps },
          ]),
        },
      ];
    }
    case "token-burn": {
      const sum = `${toPrometheusMetricName(sightlineMetrics.tokenUsage, naming)}_sum`;
      const typeLabel = toPrometheusLabelName(sightlineAttributes.tokenType);
      const target = factor * threshold;
      // For an input-only or output-only rule the other type burns at four times the threshold, which must
      // not count: that proves the token-type filter.
      const perType =
        signal.tokens === "total"
          ? { input: target / 2, output: target / 2 }
          : signal.tokens === "input"
            ? { input: target, output: threshold * 4 }
            : { input: threshold * 4, output: target };
      return (["input", "output"] as const).map((type) => ({
        series: seriesText(sum, { ...labels, [typeLabel]: type }),
        values: counterValues(perType[type], samples),
      }));
    }
    case "drift-score": {
      const gauge = toPrometheusMetricName(sightlineMetrics.driftScore, naming);
      return [
        { series: seriesText(gauge, labels), values: `${formatNumber(factor * threshold)}x${samples}` },
      ];
    }
    case "model-change": {
      const counter = toPrometheusMetricName(sightlineMetrics.driftEvents, naming);
      const kindLabel = toPrometheusLabelName(sightlineAttributes.driftKind);
      // Plain drift events keep growing in both cases; only model changes may count.
      return [
        {
          series: seriesText(counter, { ...labels, [kindLabel]: driftEventKinds.modelChange }),
          values: counterValues(intent === "fire" ? threshold + 1 : 0, samples),
        },
        {
          series: seriesText(counter, { ...labels, [kindLabel]: driftEventKinds.drift }),
          values: counterValues(5, samples),
        },
      ];
    }
    case "evaluation-pass-rate":
      return buildEvaluationSeries({ rule, naming, intent, labels, samples, minResults: signal.minResults });
    case "unpriced": {
      const counter = toPrometheusMetricName(sightlineMetrics.unpricedCalls, naming);
      return [
        {
          series: seriesText(counter, labels),
          values: counterValues(intent === "fire" ? threshold + 1 : 0, samples),
        },
      ];
    }
  }
}

/** Bad-call ratio for a test: twice the threshold (capped below 1) to fire, half of it to stay quiet. */
function badRatio(intent: SeriesIntent, threshold: number): number {
  return intent === "fire" ? Math.min(threshold * 2, (1 + threshold) / 2) : threshold / 2;
}

/** Failed calls per minute that make `ratio` of all calls fail, next to 100 successful ones a minute. */
function toFailedPerMinute(ratio: number): number {
  return (100 * ratio) / (1 - ratio);
}

/** 100 successful operations a minute, and failed ones (with `error.type`) as given. */
function buildErrorSeries(options: {
  naming: NamingMode;
  labels: Record<string, string>;
  samples: number;
  failedValues: string;
}): SyntheticSeries[] {
  const { naming, labels, samples, failedValues } = options;
  const count = `${toPrometheusMetricName(sightlineMetrics.operationDuration, naming)}_count`;
  return [
    { series: seriesText(count, labels), values: counterValues(100, samples) },
    {
      series: seriesText(count, {
        ...labels,
        [toPrometheusLabelName(sightlineAttributes.errorType)]: "timeout",
      }),
      values: failedValues,
    },
  ];
}

/**
 * Evaluation results: passed and failed ones at a pass rate of half the threshold (fire, sparse), none
 * (all-failed) or halfway between the threshold and 1 (quiet). Enough results to clear `minResults` four
 * times over, except `sparse`, which records half of it. The quiet series add many results whose evaluator
 * failed itself (`error.type`, passed false): counted, they would sink the pass rate and fire the alert.
 */
function buildEvaluationSeries(options: {
  rule: AlertPlanRule;
  naming: NamingMode;
  intent: SeriesIntent;
  labels: Record<string, string>;
  samples: number;
  minResults: number;
}): SyntheticSeries[] {
  const { rule, naming, intent, labels, samples, minResults } = options;
  const counter = toPrometheusMetricName(sightlineMetrics.evaluationResults, naming);
  const passedLabel = toPrometheusLabelName(sightlineAttributes.evaluationPassed);
  const windowMinutes = rule.windowSeconds / 60;
  const perMinute =
    intent === "sparse" ? minResults / 2 / windowMinutes : Math.max(100, (4 * minResults) / windowMinutes);
  const passRate =
    intent === "quiet" ? (1 + rule.threshold) / 2 : intent === "all-failed" ? 0 : rule.threshold / 2;
  const series: SyntheticSeries[] = [
    {
      series: seriesText(counter, { ...labels, [passedLabel]: "false" }),
      values: counterValues(perMinute * (1 - passRate), samples),
    },
  ];
  if (passRate > 0) {
    series.push({
      series: seriesText(counter, { ...labels, [passedLabel]: "true" }),
      values: counterValues(perMinute * passRate, samples),
    });
  }
  if (intent === "quiet") {
    series.push({
      series: seriesText(counter, {
        ...labels,
        [passedLabel]: "false",
        [toPrometheusLabelName(sightlineAttributes.errorType)]: "timeout",
      }),
      values: counterValues(perMinute * 10, samples),
    });
  }
  return series;
}
