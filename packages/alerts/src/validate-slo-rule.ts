import type { FieldIssue, FieldPath } from "./read-alert-document.js";
import { describeValue, oneOf } from "./validate-field.js";

/**
 * Latencies an SLO may use: the semconv bucket boundaries of `gen_ai.client.operation.duration`. Prometheus
 * can only count "calls within L" exactly at a bucket boundary (`le="L"`).
 */
export const sloLatencyBoundaries = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
] as const;

/** SLO periods; burn rates are derived from them. */
export const sloPeriods = ["7d", "28d", "30d"] as const;

// Below 0.95 a fast burn (14.4× over 30 days) would need more than 100% bad calls, so it could never fire.
const minimumObjective = 0.95;
const maximumObjective = 0.9999;

/** Checks the SLO-only fields: `objective` (required), `latency` and `period`. */
export function validateSloFields(rule: Record<string, unknown>, path: FieldPath): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const objective = rule.objective;
  const allowed = `a fraction from ${minimumObjective} to ${maximumObjective}, such as 0.99 or 0.995`;
  if (objective === undefined) {
    issues.push({ path: [...path, "objective"], detail: `required: ${allowed}` });
  } else if (typeof objective !== "number" || objective < minimumObjective || objective > maximumObjective) {
    issues.push({
      path: [...path, "objective"],
      detail: `expected ${allowed}, got ${describeValue(objective)}`,
    });
  }
  if (rule.latency !== undefined && !sloLatencyBoundaries.includes(rule.latency as 0.01)) {
    issues.push({
      path: [...path, "latency"],
      detail: `expected seconds at a duration bucket boundary, one of ${sloLatencyBoundaries.join(", ")}, got ${describeValue(rule.latency)}`,
    });
  }
  if (rule.period !== undefined) issues.push(...oneOf(sloPeriods)(rule.period, [...path, "period"]));
  return issues;
}
