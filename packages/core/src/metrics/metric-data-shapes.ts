import type { Attributes, HrTime, ValueType } from "@opentelemetry/api";

// The shapes of what a metric reader collects, as @opentelemetry/sdk-metrics 3.x defines them
// (`CollectionResult`, `ScopeMetrics`, `MetricData`): core may depend on the API only, so it writes
// them down structurally here and @sightline/node hands them to the SDK as a `MetricProducer`.

/** `DataPointType` of sdk-metrics: the two kinds Sightline aggregates itself. */
export const DATA_POINT_TYPE_HISTOGRAM = 0;
/** `DataPointType.SUM` of sdk-metrics. */
export const DATA_POINT_TYPE_SUM = 3;
/** `AggregationTemporality.CUMULATIVE` of sdk-metrics. */
export const AGGREGATION_TEMPORALITY_CUMULATIVE = 1;

/** One data point: a series' value since `startTime`. */
export interface SightlineDataPoint<Value> {
  startTime: HrTime;
  endTime: HrTime;
  attributes: Attributes;
  value: Value;
}

/** An explicit-bucket histogram value (sdk-metrics' `Histogram`). */
export interface SightlineHistogramValue {
  buckets: { boundaries: number[]; counts: number[] };
  sum: number;
  count: number;
  min?: number;
  max?: number;
}

/** What is said about a metric besides its points (sdk-metrics' `MetricDescriptor`). */
export interface SightlineMetricDescriptor {
  name: string;
  description: string;
  unit: string;
  valueType: ValueType;
}

/** A histogram metric (sdk-metrics' `HistogramMetricData`). */
export interface SightlineHistogramMetricData {
  descriptor: SightlineMetricDescriptor;
  aggregationTemporality: typeof AGGREGATION_TEMPORALITY_CUMULATIVE;
  dataPointType: typeof DATA_POINT_TYPE_HISTOGRAM;
  dataPoints: SightlineDataPoint<SightlineHistogramValue>[];
}

/** A monotonic sum, i.e. a counter (sdk-metrics' `SumMetricData`). */
export interface SightlineSumMetricData {
  descriptor: SightlineMetricDescriptor;
  aggregationTemporality: typeof AGGREGATION_TEMPORALITY_CUMULATIVE;
  dataPointType: typeof DATA_POINT_TYPE_SUM;
  isMonotonic: true;
  dataPoints: SightlineDataPoint<number>[];
}

/** One instrumentation scope's metrics (sdk-metrics' `ScopeMetrics`). */
export interface SightlineScopeMetrics {
  scope: { name: string; version?: string; schemaUrl?: string };
  metrics: (SightlineHistogramMetricData | SightlineSumMetricData)[];
}

/**
 * What a collection returns (sdk-metrics' `CollectionResult`). The resource is left empty: a reader
 * keeps only the scope metrics of extra producers and puts them under its meter provider's resource.
 */
export interface SightlineCollectionResult {
  resourceMetrics: { resource: Record<string, never>; scopeMetrics: SightlineScopeMetrics[] };
  errors: unknown[];
}
