import type { FieldIssue, FieldPath } from "./read-alert-document.js";
import type { AlertDimension, AlertRuleKind } from "./types.js";
import {
  describeValue,
  isMap,
  oneOf,
  validateFor,
  validateLabels,
  validateWindow,
} from "./validate-field.js";
import { validateSloFields } from "./validate-slo-rule.js";

/** The rule kinds, in the order the docs list them. */
export const alertRuleKinds: readonly AlertRuleKind[] = [
  "budget",
  "latency",
  "error-ratio",
  "token-burn",
  "drift-score",
  "model-change",
  "unpriced",
  "evaluation-pass-rate",
  "slo",
];

/** Severities, most urgent first. */
export const alertSeverities = ["critical", "warning", "info"] as const;

// Which dimensions each kind's metric carries. Drift metrics have a signal but no prompt id; tenant is on
// no metric at all because it is high-cardinality.
const operationDimensions: readonly AlertDimension[] = [
  "provider",
  "model",
  "operation",
  "feature",
  "prompt",
];
const driftDimensions: readonly AlertDimension[] = ["provider", "model", "operation", "feature", "signal"];
// Evaluation results carry no prompt id, and their spans drop the operation name (so viewers do not count
// them as model calls), so Honeycomb could not honour `operation`.
const evaluationDimensions: readonly AlertDimension[] = ["provider", "model", "feature", "evaluator"];

/** The dimensions a rule of this kind may use in `by` and `match`. */
export function getAllowedDimensions(kind: AlertRuleKind): readonly AlertDimension[] {
  if (kind === "evaluation-pass-rate") return evaluationDimensions;
  return kind === "drift-score" || kind === "model-change" ? driftDimensions : operationDimensions;
}

/** Default `minResults` of an evaluation-pass-rate rule: fewer results than this say too little. */
export const defaultMinResults = 20;

const commonFields = ["id", "kind", "title", "description", "for", "severity", "labels", "runbook", "match"];
// An SLO has fixed burn-rate windows and covers one population, so it takes neither `window` nor `by`.
const kindFields: Record<AlertRuleKind, string[]> = {
  budget: ["window", "by", "threshold", "period"],
  latency: ["window", "by", "threshold", "signal", "quantile"],
  "error-ratio": ["window", "by", "threshold"],
  "token-burn": ["window", "by", "threshold", "tokens"],
  "drift-score": ["window", "by", "threshold"],
  "model-change": ["window", "by", "threshold"],
  unpriced: ["window", "by", "threshold"],
  "evaluation-pass-rate": ["window", "by", "threshold", "evaluator", "minResults"],
  slo: ["objective", "latency", "period"],
};

const thresholdMeaning: Record<AlertRuleKind, string> = {
  budget: "a positive number of USD",
  latency: "a positive number of seconds",
  "error-ratio": "a fraction greater than 0 and less than 1",
  "token-burn": "a positive number of tokens per minute",
  "drift-score": "a positive drift score (1 = the detector's threshold)",
  "model-change": "a whole number of events, 0 or more",
  unpriced: "a whole number of calls, 0 or more",
  "evaluation-pass-rate":
    "a fraction of evaluations that must pass, greater than 0 and less than 1 (0.9 alerts below 90%)",
  slo: "no threshold (use objective)",
};

const requiredThreshold = new Set<AlertRuleKind>([
  "budget",
  "latency",
  "error-ratio",
  "token-burn",
  "evaluation-pass-rate",
]);

/** Latency quantiles every target can express (Honeycomb has fixed percentile operators). */
export const allowedQuantiles = [0.5, 0.75, 0.9, 0.95, 0.99, 0.999] as const;

function validateThreshold(options: { kind: AlertRuleKind; value: unknown; path: FieldPath }): FieldIssue[] {
  const { kind, value, path } = options;
  const fail = [{ path, detail: `expected ${thresholdMeaning[kind]}, got ${describeValue(value)}` }];
  if (typeof value !== "number" || !Number.isFinite(value)) return fail;
  if (kind === "model-change" || kind === "unpriced")
    return Number.isInteger(value) && value >= 0 ? [] : fail;
  if (kind === "error-ratio" || kind === "evaluation-pass-rate") return value > 0 && value < 1 ? [] : fail;
  return value > 0 ? [] : fail;
}

function validateDimensions(rule: Record<string, unknown>, path: FieldPath): FieldIssue[] {
  const kind = rule.kind as AlertRuleKind;
  const allowed = getAllowedDimensions(kind);
  const dimensionIssue = (name: unknown, at: FieldPath): FieldIssue => ({
    path: at,
    detail:
      name === "tenant"
        ? "tenant is not a metric attribute (too many values for metrics); group by feature instead"
        : `expected one of ${allowed.join(", ")} for a ${kind} rule, got ${describeValue(name)}`,
  });
  const issues: FieldIssue[] = [];
  if (rule.by !== undefined && kind !== "slo") {
    if (!Array.isArray(rule.by)) {
      issues.push({
        path: [...path, "by"],
        detail: `expected a list of ${allowed.join(", ")}, got ${describeValue(rule.by)}`,
      });
    } else {
      rule.by.forEach((name, index) => {
        if (!allowed.includes(name as AlertDimension))
          issues.push(dimensionIssue(name, [...path, "by", index]));
        else if (rule.by !== undefined && (rule.by as unknown[]).indexOf(name) !== index) {
          issues.push({ path: [...path, "by", index], detail: `"${name}" is listed twice` });
        }
      });
    }
  }
  if (rule.match !== undefined) {
    if (!isMap(rule.match)) {
      issues.push({
        path: [...path, "match"],
        detail: `expected a map of dimension to value, got ${describeValue(rule.match)}`,
      });
    } else {
      for (const [name, value] of Object.entries(rule.match)) {
        if (!allowed.includes(name as AlertDimension))
          issues.push(dimensionIssue(name, [...path, "match", name]));
        else if (typeof value !== "string" || value === "") {
          issues.push({
            path: [...path, "match", name],
            detail: `expected a non-empty string, got ${describeValue(value)}`,
          });
        }
      }
    }
  }
  return issues;
}

const idPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Checks one entry of `rules`; returns every problem found, not just the first. */
export function validateAlertRule(rule: unknown, path: FieldPath): FieldIssue[] {
  if (!isMap(rule))
    return [{ path, detail: `expected a rule (a map with id and kind), got ${describeValue(rule)}` }];
  const issues: FieldIssue[] = [];
  if (typeof rule.id !== "string" || !idPattern.test(rule.id)) {
    issues.push({
      path: [...path, "id"],
      detail: `expected a kebab-case id such as hourly-spend, got ${describeValue(rule.id)}`,
    });
  }
  if (!alertRuleKinds.includes(rule.kind as AlertRuleKind)) {
    issues.push({
      path: [...path, "kind"],
      detail: `expected one of ${alertRuleKinds.join(", ")}, got ${describeValue(rule.kind)}`,
    });
    return issues;
  }
  const kind = rule.kind as AlertRuleKind;
  const known = new Set([...commonFields, ...kindFields[kind]]);
  // SLOs get their own reason for the two fields people carry over from other kinds.
  const sloReasons: Record<string, string> = {
    by: "an SLO covers one population; use match, with one SLO rule per value",
    window: "SLO burn-rate windows are fixed (1h with 5m, 6h with 30m); set period instead",
  };
  for (const key of Object.keys(rule)) {
    if (known.has(key)) continue;
    const reason = kind === "slo" ? sloReasons[key] : undefined;
    issues.push({
      path: [...path, key],
      detail: reason ?? `unknown field for a ${kind} rule; allowed: ${[...known].join(", ")}`,
    });
  }
  for (const field of ["title", "description"] as const) {
    const value = rule[field];
    if (value !== undefined && (typeof value !== "string" || value.trim() === "")) {
      issues.push({ path: [...path, field], detail: `expected non-empty text, got ${describeValue(value)}` });
    }
  }
  if (rule.window !== undefined && known.has("window")) {
    issues.push(...validateWindow(rule.window, [...path, "window"]));
  }
  if (rule.for !== undefined) issues.push(...validateFor(rule.for, [...path, "for"]));
  if (rule.severity !== undefined)
    issues.push(...oneOf(alertSeverities)(rule.severity, [...path, "severity"]));
  if (rule.labels !== undefined) issues.push(...validateLabels(rule.labels, [...path, "labels"]));
  if (
    rule.runbook !== undefined &&
    (typeof rule.runbook !== "string" || !/^https?:\/\/\S+$/.test(rule.runbook))
  ) {
    issues.push({
      path: [...path, "runbook"],
      detail: `expected an http(s) URL, got ${describeValue(rule.runbook)}`,
    });
  }
  if (kind === "slo") {
    issues.push(...validateSloFields(rule, path));
  } else if (rule.threshold === undefined) {
    if (requiredThreshold.has(kind)) {
      issues.push({ path: [...path, "threshold"], detail: `required: ${thresholdMeaning[kind]}` });
    }
  } else {
    issues.push(...validateThreshold({ kind, value: rule.threshold, path: [...path, "threshold"] }));
  }
  if (kind === "budget") {
    if (rule.period === undefined)
      issues.push({ path: [...path, "period"], detail: "required: one of hour, day" });
    else issues.push(...oneOf(["hour", "day"])(rule.period, [...path, "period"]));
  }
  if (kind === "latency" && rule.signal !== undefined) {
    issues.push(...oneOf(["duration", "time-to-first-chunk"])(rule.signal, [...path, "signal"]));
  }
  if (kind === "latency" && rule.quantile !== undefined) {
    issues.push(...oneOf(allowedQuantiles)(rule.quantile, [...path, "quantile"]));
  }
  if (kind === "token-burn" && rule.tokens !== undefined) {
    issues.push(...oneOf(["input", "output", "total"])(rule.tokens, [...path, "tokens"]));
  }
  if (kind === "evaluation-pass-rate") issues.push(...validateEvaluationFields(rule, path));
  issues.push(...validateDimensions(rule, path));
  return issues;
}

/** `evaluator` (an evaluator name, not also in `match`) and `minResults` (a whole number, 1 or more). */
function validateEvaluationFields(rule: Record<string, unknown>, path: FieldPath): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (rule.evaluator !== undefined) {
    if (typeof rule.evaluator !== "string" || rule.evaluator.trim() === "") {
      issues.push({
        path: [...path, "evaluator"],
        detail: `expected an evaluator name (gen_ai.evaluation.name, e.g. valid_json), got ${describeValue(rule.evaluator)}; leave it out to alert on every evaluator`,
      });
    } else if (isMap(rule.match) && rule.match.evaluator !== undefined) {
      issues.push({
        path: [...path, "evaluator"],
        detail: "set the evaluator either here or as match.evaluator, not both",
      });
    }
  }
  if (
    rule.minResults !== undefined &&
    !(typeof rule.minResults === "number" && Number.isInteger(rule.minResults) && rule.minResults >= 1)
  ) {
    issues.push({
      path: [...path, "minResults"],
      detail: `expected a whole number of evaluations, 1 or more (default ${defaultMinResults}), got ${describeValue(rule.minResults)}`,
    });
  }
  return issues;
}
