import type { Attributes, MeterProvider } from "@opentelemetry/api";
import { CORE_SCOPE_NAME } from "./create-core-instruments.js";
import { getAttachedMetricStore } from "./create-sightline-metric-producer.js";
import { COST_COUNTER, getExtraInstruments, UNPRICED_COUNTER } from "./get-extra-instruments.js";
import type { MetricScope } from "./sightline-metric-store.js";

/** The scope core's own counters are recorded under: as `meterProvider.getMeter(CORE_SCOPE_NAME)` names it (version ""). */
const CORE_SCOPE: MetricScope = Object.freeze({ name: CORE_SCOPE_NAME, version: "" });

/**
 * Adds to `sightline.gen_ai.cost` or `sightline.gen_ai.cost.unpriced`: into Sightline's own aggregation
 * when one is attached to `meterProvider` (see createSightlineMetricProducer), else through the API counter.
 */
export function addToCostCounter(options: {
  meterProvider: MeterProvider;
  counter: "cost" | "unpriced";
  attributes: Attributes;
  value: number;
  /** The key of `attributes` in Sightline's aggregation, if the operation has it (see FinishedOperation). */
  key?: string;
}): void {
  const store = getAttachedMetricStore(options.meterProvider);
  if (store) {
    store.addToCounter({
      scope: CORE_SCOPE,
      counter: options.counter === "cost" ? COST_COUNTER : UNPRICED_COUNTER,
      attributes: options.attributes,
      value: options.value,
      key: options.key,
    });
    return;
  }
  getExtraInstruments(options.meterProvider)[options.counter].add(options.value, options.attributes);
}
