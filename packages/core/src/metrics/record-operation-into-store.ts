import type { Attributes } from "@opentelemetry/api";
import type { ResolvedConfig } from "../config/internal-types.js";
import type { GenAIUsage } from "../operation/operation-shapes.js";
import { DURATION_BUCKETS, SEMCONV_SCHEMA_URL } from "../semconv.js";
import { FixedHistogram } from "./fixed-histogram.js";
import type { SightlineMetricStore } from "./sightline-metric-store.js";

/** What a finished operation hands to metric recording, wherever the metrics go. */
export interface FinishedOperationMeasurements {
  /** getSeriesKey(attributes), built once per attribute set. */
  key: string;
  config: ResolvedConfig;
  operation: {
    firstChunkTime: number | undefined;
    startTime: number;
    outputChunkGaps: number[];
    outputChunkHistogram: FixedHistogram | undefined;
  };
  attributes: Attributes;
  durationSeconds: number;
  usage: GenAIUsage | undefined;
}

/**
 * Records the semconv client metrics of one finished operation into Sightline's own aggregation:
 * the same measurements as recordOperationMetrics, with the stream's chunk gaps merged in one step.
 * Returns the key of the attribute set, which the cost counter reuses.
 */
export function recordOperationIntoStore(
  store: SightlineMetricStore,
  options: FinishedOperationMeasurements,
): string {
  const { config, operation } = options;
  let chunkGaps = config.chunkTimingMetric ? operation.outputChunkHistogram : undefined;
  if (config.chunkTimingMetric && operation.outputChunkGaps.length > 0) {
    // Gaps buffered before the aggregation was attached (mid-stream) still count.
    chunkGaps ??= new FixedHistogram(DURATION_BUCKETS);
    for (const gap of operation.outputChunkGaps) chunkGaps.record(gap);
    operation.outputChunkGaps.length = 0;
  }
  return store.recordOperation({
    scope: config.metricScope ?? {
      name: config.scopeName,
      version: config.scopeVersion,
      schemaUrl: SEMCONV_SCHEMA_URL,
    },
    attributes: options.attributes,
    key: options.key,
    durationSeconds: options.durationSeconds,
    usage: options.usage,
    timeToFirstChunkSeconds:
      operation.firstChunkTime === undefined
        ? undefined
        : (operation.firstChunkTime - operation.startTime) / 1000,
    chunkGaps,
  });
}
