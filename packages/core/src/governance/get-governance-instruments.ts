import type { Counter, MeterProvider } from "@opentelemetry/api";
import { METRIC_SIGHTLINE_BUDGET_BREACHES, METRIC_SIGHTLINE_POLICY_VIOLATIONS } from "../semconv.js";

/** The governance counters. */
export interface GovernanceInstruments {
  budgetBreaches: Counter;
  policyViolations: Counter;
}

const SCOPE_NAME = "@sightline/core";
const cache = new WeakMap<MeterProvider, GovernanceInstruments>();

/** Governance counters for a meter provider, created once per provider. */
export function getGovernanceInstruments(meterProvider: MeterProvider): GovernanceInstruments {
  const cached = cache.get(meterProvider);
  if (cached) return cached;
  const meter = meterProvider.getMeter(SCOPE_NAME);
  const instruments: GovernanceInstruments = {
    budgetBreaches: meter.createCounter(METRIC_SIGHTLINE_BUDGET_BREACHES, {
      unit: "{call}",
      description: "Calls made, refused or crossing the limit while a budget was spent",
    }),
    policyViolations: meter.createCounter(METRIC_SIGHTLINE_POLICY_VIOLATIONS, {
      unit: "{call}",
      description: "Calls that broke a policy rule (observed or refused)",
    }),
  };
  cache.set(meterProvider, instruments);
  return instruments;
}
