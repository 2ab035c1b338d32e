import { type MeterProvider, ValueType } from "@opentelemetry/api";
import type { DriftMonitor } from "@sightline/drift";
import { CORE_SCOPE_NAME } from "../metrics/create-core-instruments.js";
import {
  ATTR_SIGHTLINE_DRIFT_ROLLUP,
  DRIFT_ROLLUP_PARENT,
  DRIFT_ROLLUP_UNMONITORED,
  METRIC_SIGHTLINE_GEN_AI_DRIFT_ROLLED_UP,
  METRIC_SIGHTLINE_GEN_AI_DRIFT_STREAMS,
} from "../semconv.js";

// Which monitors already feed these instruments of each meter provider (the default monitor is shared).
const observed = new WeakMap<MeterProvider, WeakSet<DriftMonitor>>();

/**
 * Exports how many streams the monitor holds and how many calls its key bound rolled into a parent stream
 * or left unmonitored, read at collection time, so an app with more features or tenants than the bound sees
 * what is and is not watched. Monitors without `stats()` (custom implementations) export nothing.
 */
export function observeDriftStreams(options: { meterProvider: MeterProvider; monitor: DriftMonitor }): void {
  const { monitor } = options;
  if (typeof monitor.stats !== "function") return;
  let monitors = observed.get(options.meterProvider);
  if (!monitors) {
    monitors = new WeakSet();
    observed.set(options.meterProvider, monitors);
  }
  if (monitors.has(monitor)) return;
  monitors.add(monitor);
  const meter = options.meterProvider.getMeter(CORE_SCOPE_NAME);
  const streams = meter.createObservableGauge(METRIC_SIGHTLINE_GEN_AI_DRIFT_STREAMS, {
    unit: "{stream}",
    valueType: ValueType.INT,
    description: "Drift streams monitored now",
  });
  const rolledUp = meter.createObservableCounter(METRIC_SIGHTLINE_GEN_AI_DRIFT_ROLLED_UP, {
    unit: "{call}",
    valueType: ValueType.INT,
    description: "Calls the drift key bound kept out of their own stream",
  });
  meter.addBatchObservableCallback(
    (result) => {
      const stats = monitor.stats?.();
      if (!stats) return;
      result.observe(streams, stats.streams);
      result.observe(rolledUp, stats.rolledUpCalls, { [ATTR_SIGHTLINE_DRIFT_ROLLUP]: DRIFT_ROLLUP_PARENT });
      result.observe(rolledUp, stats.unmonitoredCalls, {
        [ATTR_SIGHTLINE_DRIFT_ROLLUP]: DRIFT_ROLLUP_UNMONITORED,
      });
    },
    [streams, rolledUp],
  );
}
