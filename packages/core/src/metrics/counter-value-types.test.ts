import { ValueType } from "@opentelemetry/api";
import { createDriftMonitor } from "@sightline/drift";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, expect, it } from "vitest";
import { observeDriftStreams } from "../finishers/observe-drift-streams.js";
import { getGovernanceInstruments } from "../governance/get-governance-instruments.js";
import { getOutcomeInstruments } from "../outcomes/get-outcome-instruments.js";
import {
  METRIC_SIGHTLINE_BUDGET_BREACHES,
  METRIC_SIGHTLINE_GEN_AI_COST,
  METRIC_SIGHTLINE_GEN_AI_COST_UNPRICED,
  METRIC_SIGHTLINE_GEN_AI_DRIFT_EVENTS,
  METRIC_SIGHTLINE_GEN_AI_DRIFT_ROLLED_UP,
  METRIC_SIGHTLINE_GEN_AI_DRIFT_STREAMS,
  METRIC_SIGHTLINE_GEN_AI_OUTCOMES,
  METRIC_SIGHTLINE_POLICY_VIOLATIONS,
} from "../semconv.js";
import { getExtraInstruments } from "./get-extra-instruments.js";

const telemetry = createTestTelemetry();
afterAll(() => telemetry.shutdown());

// An OTLP exporter writes `asInt` only for instruments declared INT; counts exported as doubles
// read as `1.0` events in backends and sum as floats.
it("counts of whole things are integer instruments, and money stays a double", async () => {
  const { meterProvider } = telemetry;
  const extra = getExtraInstruments(meterProvider);
  extra.driftEvents.add(1, { "sightline.drift.kind": "verdict" });
  extra.unpriced.add(1);
  extra.cost.add(0.25);
  const governance = getGovernanceInstruments(meterProvider);
  governance.budgetBreaches.add(1);
  governance.policyViolations.add(1);
  getOutcomeInstruments(meterProvider).outcomes.add(1);
  observeDriftStreams({ meterProvider, monitor: createDriftMonitor() });

  const metrics = await telemetry.collectMetrics();
  const valueTypeOf = (name: string) =>
    metrics.find((metric) => metric.descriptor.name === name)?.descriptor.valueType;
  for (const name of [
    METRIC_SIGHTLINE_GEN_AI_DRIFT_EVENTS,
    METRIC_SIGHTLINE_GEN_AI_COST_UNPRICED,
    METRIC_SIGHTLINE_BUDGET_BREACHES,
    METRIC_SIGHTLINE_POLICY_VIOLATIONS,
    METRIC_SIGHTLINE_GEN_AI_OUTCOMES,
    METRIC_SIGHTLINE_GEN_AI_DRIFT_STREAMS,
    METRIC_SIGHTLINE_GEN_AI_DRIFT_ROLLED_UP,
  ]) {
    expect({ name, valueType: valueTypeOf(name) }).toEqual({ name, valueType: ValueType.INT });
  }
  expect(valueTypeOf(METRIC_SIGHTLINE_GEN_AI_COST)).toBe(ValueType.DOUBLE);
  const [driftPoint] = await telemetry.metricPoints(METRIC_SIGHTLINE_GEN_AI_DRIFT_EVENTS);
  expect(Number.isInteger(driftPoint?.value)).toBe(true);
});
