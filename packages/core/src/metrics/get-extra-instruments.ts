import { type Counter, ValueType } from "@opentelemetry/api";
import {
  METRIC_SIGHTLINE_GEN_AI_COST,
  METRIC_SIGHTLINE_GEN_AI_COST_UNPRICED,
  METRIC_SIGHTLINE_GEN_AI_DRIFT_EVENTS,
} from "../semconv.js";
import { createCoreInstruments } from "./create-core-instruments.js";

/** Sightline's own counters (cost and drift), beside the semconv instruments. */
export interface ExtraInstruments {
  cost: Counter;
  unpriced: Counter;
  driftEvents: Counter;
}

/** Sightline's cost and drift counters for a meter provider, created once per provider. */
export const getExtraInstruments = createCoreInstruments<ExtraInstruments>((meter) => ({
  cost: meter.createCounter(METRIC_SIGHTLINE_GEN_AI_COST, {
    unit: "USD",
    description: "Spend on GenAI calls",
  }),
  unpriced: meter.createCounter(METRIC_SIGHTLINE_GEN_AI_COST_UNPRICED, {
    unit: "{call}",
    valueType: ValueType.INT,
    description: "GenAI calls whose model has no price in the catalog",
  }),
  driftEvents: meter.createCounter(METRIC_SIGHTLINE_GEN_AI_DRIFT_EVENTS, {
    unit: "{event}",
    valueType: ValueType.INT,
    description: "Drift verdicts and model or fingerprint changes",
  }),
}));
