import type { Attributes, MeterProvider } from "@opentelemetry/api";
import type { ResolvedConfig } from "../config/internal-types.js";
import type { GenAIUsage } from "../operation/operation-shapes.js";
import { getAttachedMetricStore } from "./create-sightline-metric-producer.js";
import type { FixedHistogram } from "./fixed-histogram.js";
import { recordOperationIntoStore } from "./record-operation-into-store.js";
import { recordOperationMetrics } from "./record-operation-metrics.js";

/**
 * Records the semconv client metrics of one finished operation where they go: into Sightline's own
 * aggregation when one is attached to `meterProvider` (see createSightlineMetricProducer), else through
 * the API instruments of the app's meter provider. Returns the attribute set's key in the aggregation, which
 * the cost counter reuses, or `undefined` on the API path.
 */
export function recordFinishedOperationMetrics(options: {
  config: ResolvedConfig;
  meterProvider: MeterProvider;
  /** getSeriesKey(attributes), built once per attribute set. */
  key: string;
  operation: {
    firstChunkTime: number | undefined;
    startTime: number;
    outputChunkGaps: number[];
    outputChunkHistogram: FixedHistogram | undefined;
  };
  attributes: Attributes;
  durationSeconds: number;
  usage: GenAIUsage | undefined;
}): string | undefined {
  const { config, operation, attributes, durationSeconds, usage } = options;
  const store = getAttachedMetricStore(options.meterProvider);
  if (store) {
    return recordOperationIntoStore({
      store,
      key: options.key,
      config,
      operation,
      attributes,
      durationSeconds,
      usage,
    });
  }
  recordOperationMetrics({ config, operation, attributes, durationSeconds, usage });
  return undefined;
}
