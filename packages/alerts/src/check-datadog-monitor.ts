import type { DatadogMonitor } from "./render-datadog-monitors.js";

// Our own reading of the monitor query grammar (docs.datadoghq.com/monitors/types/metric):
// `time_aggr(last_N{m,h,d}):term [/ term] <op> <number>`, each term `space_aggr:metric{filters} [by {keys}]`
// with an optional `.as_count()`.
const term = String.raw`(?:sum|avg|max|min|count|p\d+(?:\.\d+)?):[a-z][a-z0-9_.]*\{[^{}\s]+\}(?: by \{[a-z0-9_.,]+\})?(?:\.as_count\(\))?`;
const queryPattern = new RegExp(
  String.raw`^(sum|avg|max|min|percentile)\(last_(\d+)(m|h|d)\):(${term})(?: / (${term}))? (>|>=|<|<=) (-?\d+(?:\.\d+)?(?:e-?\d+)?)$`,
);
const tagPattern = /^[a-z][a-z0-9_.\-/:]*$/;

/**
 * Checks a monitor body offline: type, query grammar, `options.thresholds.critical` equal to the query's
 * number (Datadog rejects monitors where they differ), percentile queries only over `percentile(...)`,
 * priority 1–5 and lower-case `key:value` tags. Returns one message per violation.
 */
export function checkDatadogMonitor(monitor: DatadogMonitor): string[] {
  const problems: string[] = [];
  if (monitor.type !== "query alert") problems.push(`type must be "query alert", is ${monitor.type}`);
  if (monitor.name.trim() === "") problems.push("name must not be empty");
  const match = queryPattern.exec(monitor.query);
  if (!match) {
    problems.push(`query does not follow the monitor grammar: ${monitor.query}`);
  } else {
    const [, timeAggregation, , , firstTerm, secondTerm, , threshold] = match;
    if (Number(threshold) !== monitor.options.thresholds.critical) {
      problems.push(
        `thresholds.critical ${monitor.options.thresholds.critical} differs from the query's ${threshold}`,
      );
    }
    const usesPercentile = /^p\d/.test(firstTerm ?? "");
    if (usesPercentile !== (timeAggregation === "percentile")) {
      problems.push(
        "percentile aggregators (pNN) go with percentile(...) time aggregation, and only with it",
      );
    }
    if (secondTerm !== undefined) {
      const groupOf = (text: string) => / by \{([^}]*)\}/.exec(text)?.[1];
      if (groupOf(firstTerm ?? "") !== groupOf(secondTerm))
        problems.push("both sides of a ratio must group by the same keys");
    }
  }
  if (!Number.isInteger(monitor.priority) || monitor.priority < 1 || monitor.priority > 5) {
    problems.push(`priority must be 1–5, is ${monitor.priority}`);
  }
  for (const tag of monitor.tags)
    if (!tagPattern.test(tag)) problems.push(`tag ${tag} is not a lower-case key:value tag`);
  return problems;
}
