import type { MeterProvider } from "@opentelemetry/api";
import { collectMetricStore } from "./collect-metric-store.js";
import type { SightlineCollectionResult } from "./metric-data-shapes.js";
import { DEFAULT_CARDINALITY_LIMIT } from "./metric-series.js";
import { SightlineMetricStore } from "./sightline-metric-store.js";

/**
 * Sightline's metrics aggregated by Sightline itself, read by a metric reader as an extra
 * `MetricProducer` (sdk-metrics' interface: `collect()` returns the reader's `CollectionResult`).
 */
export interface SightlineMetricProducer {
  /** Everything recorded so far, cumulative. Never rejects. */
  collect(options?: { timeoutMillis?: number }): Promise<SightlineCollectionResult>;
  /**
   * Records Sightline's semconv histograms and cost counters for operations that use `meterProvider`
   * into this producer instead of through the metrics API. Only for a meter provider whose readers all
   * have this producer and read cumulative temporality, or the measurements are lost or counted twice.
   */
  attachTo(meterProvider: MeterProvider): void;
  /** Stops recording for the meter provider it was attached to; what was recorded can still be collected. */
  detach(): void;
}

/** Which meter provider's measurements go to which aggregation; per provider, so no global switch. */
const attachedStores = new WeakMap<MeterProvider, SightlineMetricStore>();

/**
 * Creates Sightline's own metric aggregation: recording into it costs a few additions per operation and
 * nothing per stream chunk, where the SDK hashes the attribute set on every record. `init()` from
 * `@sightline/node` sets it up; an app that wires its own SDK can do the same.
 * @example
 * const producer = createSightlineMetricProducer();
 * const meterProvider = new MeterProvider({ readers: [new PeriodicExportingMetricReader({ exporter, metricProducers: [producer] })] });
 * producer.attachTo(meterProvider);
 */
export function createSightlineMetricProducer(options?: {
  /** Attribute sets kept per metric before measurements go to the overflow set; default 2000. */
  cardinalityLimit?: number;
}): SightlineMetricProducer {
  const store = new SightlineMetricStore(options?.cardinalityLimit ?? DEFAULT_CARDINALITY_LIMIT);
  let attachedTo: MeterProvider | undefined;
  return {
    async collect() {
      try {
        return collectMetricStore(store);
      } catch (error) {
        return { resourceMetrics: { resource: {}, scopeMetrics: [] }, errors: [error] };
      }
    },
    attachTo(meterProvider) {
      if (attachedTo !== undefined) attachedStores.delete(attachedTo);
      attachedTo = meterProvider;
      attachedStores.set(meterProvider, store);
    },
    detach() {
      if (attachedTo !== undefined && attachedStores.get(attachedTo) === store)
        attachedStores.delete(attachedTo);
      attachedTo = undefined;
    },
  };
}

/** The aggregation `meterProvider`'s operations record into, if a producer is attached to it. */
export function getAttachedMetricStore(meterProvider: MeterProvider): SightlineMetricStore | undefined {
  return attachedStores.get(meterProvider);
}
