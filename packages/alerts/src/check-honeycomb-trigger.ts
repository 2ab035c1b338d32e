import type { HoneycombTrigger } from "./render-honeycomb-triggers.js";

const thresholdOperators = new Set([">", ">=", "<", "<="]);
const forbiddenOperators = new Set(["HEATMAP", "CONCURRENCY"]);
const recipientTypes = new Set([
  "email",
  "slack",
  "pagerduty",
  "webhook",
  "msteams",
  "msteams_workflow",
  "marker",
]);
const calculationOperators =
  /^(COUNT|SUM|AVG|MIN|MAX|COUNT_DISTINCT|P001|P01|P05|P10|P20|P25|P50|P75|P80|P90|P95|P99|P999|RATE_AVG|RATE_SUM|RATE_MAX)$/;

/**
 * Checks a trigger body against Honeycomb's documented constraints (there is no offline validator): one
 * calculation, no HEATMAP/CONCURRENCY, frequency a multiple of 60 in [60, 86400], query time range at most
 * four times the frequency, `exceeded_limit` 1–5, a known threshold operator and well-formed recipients.
 * Returns one message per violation.
 */
export function checkHoneycombTrigger(trigger: HoneycombTrigger): string[] {
  const problems: string[] = [];
  const { query } = trigger;
  if (trigger.name.trim() === "" || trigger.name.length > 120) problems.push("name must be 1–120 characters");
  if (query.calculations.length !== 1)
    problems.push(`query must have exactly one calculation, has ${query.calculations.length}`);
  for (const calculation of query.calculations) {
    if (forbiddenOperators.has(calculation.op)) problems.push(`${calculation.op} is not allowed in triggers`);
    else if (!calculationOperators.test(calculation.op))
      problems.push(`unknown calculation ${calculation.op}`);
    if (calculation.op !== "COUNT" && calculation.column === undefined)
      problems.push(`${calculation.op} needs a column`);
    const calculated = query.calculated_fields?.map((field) => field.name) ?? [];
    if (calculation.column?.startsWith("sightline_") && !calculated.includes(calculation.column)) {
      problems.push(`calculation uses ${calculation.column}, which no calculated field defines`);
    }
  }
  const { frequency } = trigger;
  if (!Number.isInteger(frequency) || frequency % 60 !== 0 || frequency < 60 || frequency > 86_400) {
    problems.push(`frequency must be a multiple of 60 between 60 and 86400, is ${frequency}`);
  }
  if (query.time_range > 4 * frequency)
    problems.push(`time_range ${query.time_range} exceeds 4 × frequency ${frequency}`);
  if (query.time_range > 86_400) problems.push(`time_range ${query.time_range} exceeds one day`);
  if (!thresholdOperators.has(trigger.threshold.op))
    problems.push(`threshold op ${trigger.threshold.op} is not one of > >= < <=`);
  if (!Number.isFinite(trigger.threshold.value)) problems.push("threshold value must be a number");
  const limit = trigger.threshold.exceeded_limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > 5)
    problems.push(`exceeded_limit must be 1–5, is ${limit}`);
  if (trigger.alert_type !== "on_change" && trigger.alert_type !== "on_true")
    problems.push("alert_type must be on_change or on_true");
  for (const recipient of trigger.recipients) {
    if (!recipientTypes.has(recipient.type) || recipient.target === "")
      problems.push(`malformed recipient ${JSON.stringify(recipient)}`);
  }
  return problems;
}
