import { type Counter, ValueType } from "@opentelemetry/api";
import {
  METRIC_SIGHTLINE_GEN_AI_COST,
  METRIC_SIGHTLINE_GEN_AI_COST_UNPRICED,
  METRIC_SIGHTLINE_GEN_AI_DRIFT_EVENTS,
} from "../semconv.js";
import { createCoreInstruments } from "./create-core-instruments.js";
import type { CounterDefinition } from "./sightline-metric-store.js";

/** Sightline's own counters (cost and drift), beside the semconv instruments. */
export interface ExtraInstruments {
  cost: Counter;
  unpriced: Counter;
  driftEvents: Counter;
}

/** The cost counter, as the API instrument and Sightline's own aggregation both describe it. */
export const COST_COUNTER: CounterDefinition = {
  name: METRIC_SIGHTLINE_GEN_AI_COST,
  unit: "USD",
  valueType: ValueType.DOUBLE,
  description: "Spend on GenAI calls",
};

/** The counter of calls that could not be priced. */
export const UNPRICED_COUNTER: CounterDefinition = {
  name: METRIC_SIGHTLINE_GEN_AI_COST_UNPRICED,
  unit: "{call}",
  valueType: ValueType.INT,
  description: "GenAI calls whose model has no price in the catalog",
};

/** Sightline's cost and drift counters for a meter provider, created once per provider. */
export const getExtraInstruments = createCoreInstruments<ExtraInstruments>((meter) => ({
  cost: meter.createCounter(COST_COUNTER.name, {
    unit: COST_COUNTER.unit,
    description: COST_COUNTER.description,
  }),
  unpriced: meter.createCounter(UNPRICED_COUNTER.name, {
    unit: UNPRICED_COUNTER.unit,
    valueType: UNPRICED_COUNTER.valueType,
    description: UNPRICED_COUNTER.description,
  }),
  driftEvents: meter.createCounter(METRIC_SIGHTLINE_GEN_AI_DRIFT_EVENTS, {
    unit: "{event}",
    valueType: ValueType.INT,
    description: "Drift verdicts and model or fingerprint changes",
  }),
}));
