import type { MeterProvider } from "@opentelemetry/api";
import { getAttachedMetricStore } from "./create-sightline-metric-producer.js";
import {
  type FinishedOperationMeasurements,
  recordOperationIntoStore,
} from "./record-operation-into-store.js";
import { recordOperationMetrics } from "./record-operation-metrics.js";

/**
 * Records the semconv client metrics of one finished operation where they go: into Sightline's own
 * aggregation when one is attached to `meterProvider` (see createSightlineMetricProducer), else through
 * the API instruments of the app's meter provider. Returns the attribute set's key in the aggregation, which
 * the cost counter reuses, or `undefined` on the API path.
 */
export function recordFinishedOperationMetrics(
  options: FinishedOperationMeasurements & { meterProvider: MeterProvider },
): string | undefined {
  const store = getAttachedMetricStore(options.meterProvider);
  // The store is passed beside the measurements, not spread into a copy of them: this runs once per call.
  if (store) return recordOperationIntoStore(store, options);
  const { config, operation, attributes, durationSeconds, usage } = options;
  recordOperationMetrics({ config, operation, attributes, durationSeconds, usage });
  return undefined;
}
