import type { MeterProvider } from "@opentelemetry/api";
import type { DriftMonitor } from "@sightline/drift";
import { CORE_SCOPE_NAME } from "../metrics/create-core-instruments.js";
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_SIGHTLINE_DRIFT_DETECTOR,
  ATTR_SIGHTLINE_DRIFT_SIGNAL,
  ATTR_SIGHTLINE_FEATURE,
  ATTR_SIGHTLINE_MODEL_FAMILY,
  METRIC_SIGHTLINE_GEN_AI_DRIFT_SCORE,
} from "../semconv.js";

// Which monitors already feed a gauge of each meter provider: several wrapped clients share the
// default monitor, and two callbacks for one monitor would report every score twice.
const observed = new WeakMap<MeterProvider, WeakSet<DriftMonitor>>();

/**
 * Exports the monitor's current scores as an observable gauge, once per meter provider and monitor:
 * read only when the SDK collects, so the hot path pays nothing, and bounded by the monitor's own
 * cap on streams and signals.
 */
export function observeDriftScores(options: { meterProvider: MeterProvider; monitor: DriftMonitor }): void {
  let monitors = observed.get(options.meterProvider);
  if (!monitors) {
    monitors = new WeakSet();
    observed.set(options.meterProvider, monitors);
  }
  if (monitors.has(options.monitor)) return;
  monitors.add(options.monitor);
  const meter = options.meterProvider.getMeter(CORE_SCOPE_NAME);
  const gauge = meter.createObservableGauge(METRIC_SIGHTLINE_GEN_AI_DRIFT_SCORE, {
    unit: "1",
    description: "Current drift score per stream and signal; 1 is the alarm threshold",
  });
  gauge.addCallback((result) => {
    for (const score of options.monitor.scores()) {
      result.observe(score.score, {
        [ATTR_GEN_AI_PROVIDER_NAME]: score.key.provider,
        [ATTR_GEN_AI_OPERATION_NAME]: score.key.operation,
        [ATTR_SIGHTLINE_MODEL_FAMILY]: score.key.model,
        ...(score.key.feature ? { [ATTR_SIGHTLINE_FEATURE]: score.key.feature } : {}),
        [ATTR_SIGHTLINE_DRIFT_SIGNAL]: score.signal,
        [ATTR_SIGHTLINE_DRIFT_DETECTOR]: score.detector,
      });
    }
  });
}
