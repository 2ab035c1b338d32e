import { parseDuration } from "./parse-duration.js";
import type { FieldIssue, FieldPath } from "./read-alert-document.js";

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

function checkDuration(options: { value: unknown; path: FieldPath; allowZero: boolean }): FieldIssue[] {
  const { value, path, allowZero } = options;
  const allowed = allowZero
    ? "a duration such as 0s, 30s, 5m, 1h or 1d, at most 1d"
    : "a duration in whole minutes, hours or days such as 5m, 1h or 1d, at most 1d";
  const fail = [{ path, detail: `expected ${allowed}, got ${describeValue(value)}` }];
  if (typeof value !== "string") return fail;
  if (allowZero && /^0(s|m|h|d)$/.test(value)) return [];
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds > 86_400 || (!allowZero && value.endsWith("s"))) return fail;
  return [];
}

/** Checks a `window`: whole minutes, hours or days (Datadog windows and Honeycomb schedules are), at most 1d. */
export function validateWindow(value: unknown, path: FieldPath): FieldIssue[] {
  return checkDuration({ value, path, allowZero: false });
}

/** Checks a `for`: like a window, but seconds and zero (`0s`, fire at once) are allowed too. */
export function validateFor(value: unknown, path: FieldPath): FieldIssue[] {
  return checkDuration({ value, path, allowZero: true });
}

/** A checker that accepts only the listed values. */
export function oneOf(
  allowed: readonly (string | number)[],
): (value: unknown, path: FieldPath) => FieldIssue[] {
  return (value, path) => {
    if (allowed.includes(value as string | number)) return [];
    return [{ path, detail: `expected one of ${allowed.join(", ")}, got ${describeValue(value)}` }];
  };
}
