import { type FieldIssue, formatFieldPath, readAlertDocument } from "./read-alert-document.js";
import type { AlertFile, AlertFileError, AlertFileSource, CheckAlertFileResult } from "./types.js";
import { alertSeverities, validateAlertRule } from "./validate-alert-rule.js";
import { describeValue, isMap, oneOf, validateFor, validateLabels } from "./validate-field.js";

/** File name used in messages when the caller gives none. */
export const defaultAlertFileName = "sightline.alerts.yaml";

const topLevelFields = ["version", "group", "defaults", "rules"];
const defaultsFields = ["for", "severity", "labels"];

function validateTopLevel(value: unknown): FieldIssue[] {
  if (!isMap(value)) {
    return [{ path: [], detail: `expected a map with version and rules, got ${describeValue(value)}` }];
  }
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(value)) {
    if (!topLevelFields.includes(key)) {
      issues.push({ path: [key], detail: `unknown field; allowed: ${topLevelFields.join(", ")}` });
    }
  }
  if (value.version === undefined)
    issues.push({ path: ["version"], detail: "required: 1 (the format version)" });
  else if (value.version !== 1)
    issues.push({ path: ["version"], detail: `expected 1, got ${describeValue(value.version)}` });
  if (
    value.group !== undefined &&
    (typeof value.group !== "string" || !/^[A-Za-z0-9_-]+$/.test(value.group))
  ) {
    issues.push({
      path: ["group"],
      detail: `expected a name of letters, digits, - and _, got ${describeValue(value.group)}`,
    });
  }
  if (value.defaults !== undefined) {
    const defaults = value.defaults;
    if (!isMap(defaults)) {
      issues.push({
        path: ["defaults"],
        detail: `expected a map of ${defaultsFields.join(", ")}, got ${describeValue(defaults)}`,
      });
    } else {
      for (const key of Object.keys(defaults)) {
        if (!defaultsFields.includes(key)) {
          issues.push({
            path: ["defaults", key],
            detail: `unknown field; allowed: ${defaultsFields.join(", ")}`,
          });
        }
      }
      if (defaults.for !== undefined) issues.push(...validateFor(defaults.for, ["defaults", "for"]));
      if (defaults.severity !== undefined)
        issues.push(...oneOf(alertSeverities)(defaults.severity, ["defaults", "severity"]));
      if (defaults.labels !== undefined)
        issues.push(...validateLabels(defaults.labels, ["defaults", "labels"]));
    }
  }
  if (!Array.isArray(value.rules) || value.rules.length === 0) {
    issues.push({
      path: ["rules"],
      detail: `required: a non-empty list of rules, got ${describeValue(value.rules)}`,
    });
    return issues;
  }
  const seenIds = new Map<string, number>();
  value.rules.forEach((rule, index) => {
    issues.push(...validateAlertRule(rule, ["rules", index]));
    const id = isMap(rule) && typeof rule.id === "string" ? rule.id : undefined;
    if (id === undefined) return;
    const first = seenIds.get(id);
    if (first !== undefined) {
      issues.push({
        path: ["rules", index, "id"],
        detail: `"${id}" is already used by rules[${first}]; ids must be unique`,
      });
    } else {
      seenIds.set(id, index);
    }
  });
  return issues;
}

/**
 * Validates alert-file YAML. Every problem is reported with its line, field path and what is allowed;
 * the parsed file is returned only when there are none.
 *
 * @example
 * const result = checkAlertFile({ text: readFileSync("sightline.alerts.yaml", "utf8") });
 * if (!result.ok) for (const error of result.errors) console.error(error.message);
 */
export function checkAlertFile(source: AlertFileSource): CheckAlertFileResult {
  const fileName = source.fileName ?? defaultAlertFileName;
  const document = readAlertDocument(source.text);
  const toError = (located: {
    line: number;
    column: number;
    path: string;
    detail: string;
  }): AlertFileError => ({
    fileName,
    ...located,
    message: `${fileName}:${located.line}${located.path === "" ? "" : ` ${located.path}`}: ${located.detail}`,
  });
  if (document.syntaxErrors.length > 0) {
    return { ok: false, errors: document.syntaxErrors.map((error) => toError({ ...error, path: "" })) };
  }
  const issues = validateTopLevel(document.value);
  if (issues.length > 0) {
    const errors = issues.map((issue) =>
      toError({ ...document.locate(issue.path), path: formatFieldPath(issue.path), detail: issue.detail }),
    );
    errors.sort((left, right) => left.line - right.line || left.column - right.column);
    return { ok: false, errors };
  }
  return { ok: true, file: document.value as AlertFile };
}
