import { parseDuration } from "./parse-duration.js";
import type { AlertDimension, AlertFile, AlertRule, AlertSeverity } from "./types.js";

/** Canonical dimension order, so equal groupings give equal expressions and recording-rule names. */
export const dimensionOrder: readonly AlertDimension[] = [
  "provider",
  "model",
  "operation",
  "feature",
  "prompt",
  "signal",
  "evaluator",
];

/** `Sightline` + PascalCase of a kebab-case id: `hourly-spend` → `SightlineHourlySpend`. */
export function toAlertName(id: string): string {
  return `Sightline${id
    .split("-")
    .map((part) => `${part[0]!.toUpperCase()}${part.slice(1)}`)
    .join("")}`;
}

/** The fields every plan rule resolves the same way, whatever its kind. */
export interface RuleBasics {
  /** The rule's severity, else the file default, else warning. */
  severity: AlertSeverity;
  /** File default labels overlaid with the rule's own. */
  labels: Record<string, string>;
  /** The rule's runbook URL, if any. */
  runbookUrl: string | undefined;
  /** `for` in seconds (0 fires at once). */
  forSeconds: number;
  /** `match` as [dimension, value] pairs in canonical order. */
  match: [AlertDimension, string][];
  /** ` (feature=checkout)`, or empty, for generated titles. */
  matchText: string;
}

/** Resolves severity, labels, `for` and `match` with the file's defaults; `defaultFor` is the kind's own. */
export function resolveRuleBasics(options: {
  rule: AlertRule;
  file: AlertFile;
  defaultFor: string;
}): RuleBasics {
  const { rule, file, defaultFor } = options;
  const forText = rule.for ?? file.defaults?.for ?? defaultFor;
  const match = dimensionOrder.flatMap((dimension): [AlertDimension, string][] => {
    const value = rule.match?.[dimension];
    return value === undefined ? [] : [[dimension, value]];
  });
  return {
    severity: rule.severity ?? file.defaults?.severity ?? "warning",
    labels: { ...file.defaults?.labels, ...rule.labels },
    runbookUrl: rule.runbook,
    forSeconds: /^0[smhd]$/.test(forText) ? 0 : parseDuration(forText)!,
    match,
    matchText: match.length > 0 ? ` (${match.map(([name, value]) => `${name}=${value}`).join(", ")})` : "",
  };
}
