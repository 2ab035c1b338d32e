import { parseDuration } from "./parse-duration.js";
import type { FieldIssue, FieldPath } from "./read-alert-document.js";
import type { AlertDimension, AlertRuleKind } from "./types.js";

/** The rule kinds, in the order the docs list them. */
export const alertRuleKinds: readonly AlertRuleKind[] = [
  "budget",
  "latency",
  "error-ratio",
  "token-burn",
  "drift-score",
  "model-change",
  "unpriced",
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

/** The dimensions a rule of this kind may use in `by` and `match`. */
export function getAllowedDimensions(kind: AlertRuleKind): readonly AlertDimension[] {
  return kind === "drift-score" || kind === "model-change" ? driftDimensions : operationDimensions;
}

const commonFields = ["id", "kind", "title", "description", "window", "for", "severity", "labels", "runbook"];
const groupingFields = ["by", "match"];
const kindFields: Record<AlertRuleKind, string[]> = {
  budget: ["threshold", "period"],
  latency: ["threshold", "signal", "quantile"],
  "error-ratio": ["threshold"],
  "token-burn": ["threshold", "tokens"],
  "drift-score": ["threshold"],
  "model-change": ["threshold"],
  unpriced: ["threshold"],
};

const thresholdMeaning: Record<AlertRuleKind, string> = {
  budget: "a positive number of USD",
  latency: "a positive number of seconds",
  "error-ratio": "a fraction greater than 0 and less than 1",
  "token-burn": "a positive number of tokens per minute",
  "drift-score": "a positive drift score (1 = the detector's threshold)",
  "model-change": "a whole number of events, 0 or more",
  unpriced: "a whole number of calls, 0 or more",
};

const requiredThreshold = new Set<AlertRuleKind>(["budget", "latency", "error-ratio", "token-burn"]);

/** Latency quantiles every target can express (Honeycomb has fixed percentile operators). */
export const allowedQuantiles = [0.5, 0.75, 0.9, 0.95, 0.99, 0.999] as const;

/** Short description of a value for "got ..." in error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return JSON.stringify(value);
}

/** True for a plain YAML map. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const labelNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const reservedLabels = new Set(["alertname", "severity"]);

/** Checks a `labels` map: valid Prometheus label names, string values, no reserved names. */
export function validateLabels(value: unknown, path: FieldPath): FieldIssue[] {
  if (!isMap(value))
    return [{ path, detail: `expected a map of label names to strings, got ${describeValue(value)}` }];
  const issues: FieldIssue[] = [];
  for (const [name, labelValue] of Object.entries(value)) {
    if (!labelNamePattern.test(name)) {
      issues.push({
        path: [...path, name],
        detail: "expected a label name of letters, digits and _, not starting with a digit",
      });
    } else if (reservedLabels.has(name)) {
      issues.push({
        path: [...path, name],
        detail: `"${name}" is set by Sightline; use the rule's own field instead`,
      });
    } else if (typeof labelValue !== "string") {
      issues.push({
        path: [...path, name],
        detail: `expected a string (quote it), got ${describeValue(labelValue)}`,
      });
    }
  }
  return issues;
}

/**
 * Checks a duration field. Windows (`allowZero: false`) are whole minutes, hours or days, because Datadog
 * windows and Honeycomb schedules are; `for` may also be seconds or zero.
 */
export function validateDuration(
  value: unknown,
  path: FieldPath,
  options: { allowZero: boolean },
): FieldIssue[] {
  const allowed = options.allowZero
    ? "a duration such as 0s, 30s, 5m, 1h or 1d, at most 1d"
    : "a duration in whole minutes, hours or days such as 5m, 1h or 1d, at most 1d";
  const fail = [{ path, detail: `expected ${allowed}, got ${describeValue(value)}` }];
  if (typeof value !== "string") return fail;
  if (options.allowZero && /^0(s|m|h|d)$/.test(value)) return [];
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds > 86_400 || (!options.allowZero && value.endsWith("s"))) return fail;
  return [];
}

function validateEnum(value: unknown, path: FieldPath, allowed: readonly (string | number)[]): FieldIssue[] {
  if (allowed.includes(value as string | number)) return [];
  const list = allowed.map((item) => (typeof item === "string" ? item : String(item))).join(", ");
  return [{ path, detail: `expected one of ${list}, got ${describeValue(value)}` }];
}

function validateThreshold(kind: AlertRuleKind, value: unknown, path: FieldPath): FieldIssue[] {
  const fail = [{ path, detail: `expected ${thresholdMeaning[kind]}, got ${describeValue(value)}` }];
  if (typeof value !== "number" || !Number.isFinite(value)) return fail;
  if (kind === "model-change" || kind === "unpriced")
    return Number.isInteger(value) && value >= 0 ? [] : fail;
  if (kind === "error-ratio") return value > 0 && value < 1 ? [] : fail;
  return value > 0 ? [] : fail;
}

function validateDimensions(
  kind: AlertRuleKind,
  rule: Record<string, unknown>,
  path: FieldPath,
): FieldIssue[] {
  const allowed = getAllowedDimensions(kind);
  const dimensionIssue = (name: unknown, at: FieldPath): FieldIssue => ({
    path: at,
    detail:
      name === "tenant"
        ? "tenant is not a metric attribute (too many values for metrics); group by feature instead"
        : `expected one of ${allowed.join(", ")} for a ${kind} rule, got ${describeValue(name)}`,
  });
  const issues: FieldIssue[] = [];
  if (rule.by !== undefined) {
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
  const known = new Set([...commonFields, ...groupingFields, ...kindFields[kind]]);
  for (const key of Object.keys(rule)) {
    if (!known.has(key)) {
      issues.push({
        path: [...path, key],
        detail: `unknown field for a ${kind} rule; allowed: ${[...known].join(", ")}`,
      });
    }
  }
  for (const field of ["title", "description"] as const) {
    const value = rule[field];
    if (value !== undefined && (typeof value !== "string" || value.trim() === "")) {
      issues.push({ path: [...path, field], detail: `expected non-empty text, got ${describeValue(value)}` });
    }
  }
  if (rule.window !== undefined)
    issues.push(...validateDuration(rule.window, [...path, "window"], { allowZero: false }));
  if (rule.for !== undefined)
    issues.push(...validateDuration(rule.for, [...path, "for"], { allowZero: true }));
  if (rule.severity !== undefined)
    issues.push(...validateEnum(rule.severity, [...path, "severity"], alertSeverities));
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
  if (rule.threshold === undefined) {
    if (requiredThreshold.has(kind)) {
      issues.push({ path: [...path, "threshold"], detail: `required: ${thresholdMeaning[kind]}` });
    }
  } else {
    issues.push(...validateThreshold(kind, rule.threshold, [...path, "threshold"]));
  }
  if (kind === "budget") {
    if (rule.period === undefined)
      issues.push({ path: [...path, "period"], detail: "required: one of hour, day" });
    else issues.push(...validateEnum(rule.period, [...path, "period"], ["hour", "day"]));
  }
  if (kind === "latency" && rule.signal !== undefined) {
    issues.push(...validateEnum(rule.signal, [...path, "signal"], ["duration", "time-to-first-chunk"]));
  }
  if (kind === "latency" && rule.quantile !== undefined) {
    issues.push(...validateEnum(rule.quantile, [...path, "quantile"], allowedQuantiles));
  }
  if (kind === "token-burn" && rule.tokens !== undefined) {
    issues.push(...validateEnum(rule.tokens, [...path, "tokens"], ["input", "output", "total"]));
  }
  issues.push(...validateDimensions(kind, rule, path));
  return issues;
}
