import { ValueType } from "@opentelemetry/api";
import {
  AGGREGATION_TEMPORALITY_CUMULATIVE,
  DATA_POINT_TYPE_HISTOGRAM,
  DATA_POINT_TYPE_SUM,
  type SightlineCollectionResult,
  type SightlineDataPoint,
  type SightlineHistogramMetricData,
  type SightlineHistogramValue,
  type SightlineScopeMetrics,
} from "./metric-data-shapes.js";
import { type HistogramSeries, hrTimeNow } from "./metric-series.js";
import type { HistogramDefinition } from "./semconv-histogram-definitions.js";
import { SEMCONV_HISTOGRAMS } from "./semconv-histogram-definitions.js";
import type { ScopeSeries, SightlineMetricStore } from "./sightline-metric-store.js";

/**
 * Reads everything `store` aggregated as cumulative metric data, in the shapes a metric reader
 * collects: per scope, the semconv histograms in their instruments' creation order, then the
 * counters. Values are copied, so an exporter can hold them while recording goes on.
 */
export function collectMetricStore(store: SightlineMetricStore): SightlineCollectionResult {
  const endTime = hrTimeNow();
  const scopeMetrics: SightlineScopeMetrics[] = [];
  for (const scope of store.scopes.values()) {
    const metrics = collectScope(scope, endTime);
    if (metrics.length > 0) scopeMetrics.push({ scope: scope.scope, metrics });
  }
  return { resourceMetrics: { resource: {}, scopeMetrics }, errors: [] };
}

function collectScope(scope: ScopeSeries, endTime: SightlineDataPoint<unknown>["endTime"]) {
  const metrics: SightlineScopeMetrics["metrics"] = [];
  const calls = [...scope.calls.values()];
  const histograms: [HistogramDefinition, (HistogramSeries | undefined)[]][] = [
    [SEMCONV_HISTOGRAMS.duration, [...scope.duration.values()]],
    [SEMCONV_HISTOGRAMS.tokenUsage, calls.flatMap((call) => [call.inputTokens, call.outputTokens])],
    [SEMCONV_HISTOGRAMS.timeToFirstChunk, calls.map((call) => call.timeToFirstChunk)],
    [SEMCONV_HISTOGRAMS.timePerOutputChunk, calls.map((call) => call.timePerOutputChunk)],
  ];
  for (const [definition, series] of histograms) {
    const metric = collectHistogram(definition, series, endTime);
    if (metric) metrics.push(metric);
  }
  for (const { definition, series } of scope.sums.values()) {
    if (series.size === 0) continue;
    metrics.push({
      descriptor: { ...definition },
      aggregationTemporality: AGGREGATION_TEMPORALITY_CUMULATIVE,
      dataPointType: DATA_POINT_TYPE_SUM,
      isMonotonic: true,
      dataPoints: [...series.values()].map((sum) => ({
        startTime: sum.startTime,
        endTime,
        attributes: sum.attributes,
        value: sum.value,
      })),
    });
  }
  return metrics;
}

function collectHistogram(
  definition: HistogramDefinition,
  series: (HistogramSeries | undefined)[],
  endTime: SightlineDataPoint<unknown>["endTime"],
): SightlineHistogramMetricData | undefined {
  const dataPoints: SightlineDataPoint<SightlineHistogramValue>[] = [];
  for (const one of series) {
    if (one === undefined || one.histogram.count === 0) continue;
    const { histogram } = one;
    dataPoints.push({
      startTime: one.startTime,
      endTime,
      attributes: one.attributes,
      value: {
        buckets: { boundaries: [...histogram.boundaries], counts: [...histogram.counts] },
        sum: histogram.sum,
        count: histogram.count,
        min: histogram.min,
        max: histogram.max,
      },
    });
  }
  if (dataPoints.length === 0) return undefined;
  return {
    descriptor: {
      name: definition.name,
      description: definition.description,
      unit: definition.unit,
      valueType: ValueType.DOUBLE,
    },
    aggregationTemporality: AGGREGATION_TEMPORALITY_CUMULATIVE,
    dataPointType: DATA_POINT_TYPE_HISTOGRAM,
    dataPoints,
  };
}
