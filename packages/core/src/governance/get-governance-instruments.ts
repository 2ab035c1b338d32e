import { type Counter, ValueType } from "@opentelemetry/api";
import { createCoreInstruments } from "../metrics/create-core-instruments.js";
import { METRIC_SIGHTLINE_BUDGET_BREACHES, METRIC_SIGHTLINE_POLICY_VIOLATIONS } from "../semconv.js";

/** The governance counters. */
export interface GovernanceInstruments {
  budgetBreaches: Counter;
  policyViolations: Counter;
}

/** Governance counters for a meter provider, created once per provider. */
export const getGovernanceInstruments = createCoreInstruments<GovernanceInstruments>((meter) => ({
  budgetBreaches: meter.createCounter(METRIC_SIGHTLINE_BUDGET_BREACHES, {
    unit: "{call}",
    valueType: ValueType.INT,
    description: "Calls made, refused or crossing the limit while a budget was spent",
  }),
  policyViolations: meter.createCounter(METRIC_SIGHTLINE_POLICY_VIOLATIONS, {
    unit: "{call}",
    valueType: ValueType.INT,
    description: "Calls that broke a policy rule (observed or refused)",
  }),
}));
