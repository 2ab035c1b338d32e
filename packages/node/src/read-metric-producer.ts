import {
  AggregationTemporality,
  InstrumentType,
  type MetricProducer,
  type PushMetricExporter,
} from "@opentelemetry/sdk-metrics";
import type { SightlineMetricProducer } from "@sightline/core";

/**
 * Sightline's own metric aggregation as the SDK's `MetricProducer`. Core writes the SDK's collection
 * shapes down structurally (it may depend on the API only); they match, except that its resource is
 * empty, which a reader ignores: it keeps an extra producer's scope metrics under its own resource.
 */
export function toSdkMetricProducer(producer: SightlineMetricProducer): MetricProducer {
  return producer as unknown as MetricProducer;
}

/**
 * True when `exporter` reads histograms and counters as cumulative sums (the SDK default), the only
 * temporality Sightline's own aggregation produces; otherwise its metrics go through the SDK.
 */
export function readsCumulative(exporter: Pick<PushMetricExporter, "selectAggregationTemporality">): boolean {
  const select = exporter.selectAggregationTemporality?.bind(exporter);
  if (select === undefined) return true;
  return (
    select(InstrumentType.HISTOGRAM) === AggregationTemporality.CUMULATIVE &&
    select(InstrumentType.COUNTER) === AggregationTemporality.CUMULATIVE
  );
}
