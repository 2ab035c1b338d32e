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
  signal: "output_length",
};

/** Whether the series should make the rule fire or keep it quiet. */
export type SeriesIntent = "fire" | "quiet";

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
}): SyntheticSeries[] {
  const { rule, naming, intent, dimensionValues, samples } = options;
  const isDrift = rule.signal.kind === "drift-score" || rule.signal.kind === "model-change";
  const dimensions: AlertDimension[] = isDrift
    ? ["provider", "model", "operation", "feature", "signal"]
    : ["provider", "model", "operation", "feature", "prompt"];
  const labels = Object.fromEntries(
    dimensions.map((dimension) => [toDimensionLabel(dimension), dimensionValues[dimension]]),
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
      const count = `${toPrometheusMetricName(sightlineMetrics.operationDuration, naming)}_count`;
      const ratio = intent === "fire" ? Math.min(threshold * 2, (1 + threshold) / 2) : threshold / 2;
      const succeeded = 100;
      const failed = (succeeded * ratio) / (1 - ratio);
      return [
        { series: seriesText(count, labels), values: counterValues(succeeded, samples) },
        {
          series: seriesText(count, {
            ...labels,
            [toPrometheusLabelName(sightlineAttributes.errorType)]: "timeout",
          }),
          values: counterValues(failed, samples),
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
