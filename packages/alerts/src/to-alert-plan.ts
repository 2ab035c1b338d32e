import type { AlertPlan, AlertPlanRule, AlertSignal } from "./internal-types.js";
import { formatDuration, parseDuration } from "./parse-duration.js";
import { dimensionOrder, resolveRuleBasics, toAlertName } from "./resolve-rule-basics.js";
import { toSloPlanRules } from "./to-slo-plan-rules.js";
import type { AlertDimension, AlertFile, AlertRule, SloRule } from "./types.js";
import { defaultMinResults } from "./validate-alert-rule.js";

/** Rules whose kind has a single alert; SLOs are expanded separately. */
type SimpleRule = Exclude<AlertRule, SloRule>;

const defaultBy: Record<SimpleRule["kind"], AlertDimension[]> = {
  budget: [],
  latency: ["provider", "model"],
  "error-ratio": ["provider", "model"],
  "token-burn": [],
  "drift-score": ["provider", "model", "signal"],
  "model-change": ["provider", "model"],
  unpriced: ["provider", "model"],
  "evaluation-pass-rate": ["evaluator"],
};

function toSignal(rule: SimpleRule): AlertSignal {
  switch (rule.kind) {
    case "budget":
      return { kind: "budget", period: rule.period };
    case "latency":
      return { kind: "latency", histogram: rule.signal ?? "duration", quantile: rule.quantile ?? 0.95 };
    case "token-burn":
      return { kind: "token-burn", tokens: rule.tokens ?? "total" };
    case "evaluation-pass-rate":
      return { kind: "evaluation-pass-rate", minResults: rule.minResults ?? defaultMinResults };
    default:
      return { kind: rule.kind };
  }
}

function defaultWindow(signal: AlertSignal): string {
  if (signal.kind === "budget") return signal.period === "hour" ? "1h" : "1d";
  if (signal.kind === "model-change") return "15m";
  // Evaluations are sampled and slower than calls; an hour gathers enough of them to judge a rate.
  if (signal.kind === "unpriced" || signal.kind === "evaluation-pass-rate") return "1h";
  return "5m";
}

function defaultThreshold(rule: SimpleRule): number {
  if (rule.threshold !== undefined) return rule.threshold;
  return rule.kind === "drift-score" ? 1 : 0;
}

/** A percentage without float noise: 0.05 → "5%". */
function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(6))}%`;
}

/** Text of the firing condition, used for generated titles and descriptions. */
function describeCondition(options: { signal: AlertSignal; threshold: number; window: string }): string {
  const { signal, threshold, window } = options;
  switch (signal.kind) {
    case "budget":
      return `Spend above $${threshold} per ${signal.period}`;
    case "latency": {
      const what = signal.histogram === "duration" ? "operation duration" : "time to first chunk";
      return `p${Number((signal.quantile * 100).toPrecision(4))} ${what} above ${threshold}s`;
    }
    case "error-ratio":
      return `Error ratio above ${formatPercent(threshold)}`;
    case "token-burn":
      return `${signal.tokens === "total" ? "Token" : `${signal.tokens[0]!.toUpperCase()}${signal.tokens.slice(1)} token`} usage above ${threshold} per minute`;
    case "drift-score":
      return `Drift score above ${threshold}`;
    case "model-change":
      return threshold === 0 ? "Model changed" : `More than ${threshold} model changes in ${window}`;
    case "unpriced":
      return threshold === 0
        ? "Calls to a model with no price"
        : `More than ${threshold} unpriced calls in ${window}`;
    case "evaluation-pass-rate":
      return `Evaluation pass rate below ${formatPercent(threshold)}`;
    case "slo-burn":
      return `Error budget of ${signal.slo.title} burning`;
  }
}

const whyItMatters: Record<AlertSignal["kind"], string> = {
  budget: "Spend is projected from the window to the period.",
  latency: "Users are waiting longer than the threshold.",
  "error-ratio": "A growing share of calls to the provider fail.",
  "token-burn": "Token consumption is unusually high; check for loops or oversized prompts.",
  "drift-score": "A drift detector reports that responses no longer look like their baseline.",
  "model-change": "The provider answered with a different model than before.",
  unpriced: "These calls have no cost recorded, so spend alerts undercount; add a price for the model.",
  "evaluation-pass-rate":
    "Fewer answers pass their evaluators than expected; look at the failing evaluation results and their calls.",
  "slo-burn": "The SLO's error budget is being spent faster than the period allows.",
};

/**
 * An evaluation-pass-rate rule with its `evaluator` moved into `match`, and `evaluator` always among the
 * grouping dimensions: a pass rate mixed across evaluators says nothing about any of them.
 */
function normaliseEvaluationRule(rule: SimpleRule): SimpleRule {
  if (rule.kind !== "evaluation-pass-rate") return rule;
  const by = rule.by ?? defaultBy[rule.kind];
  return {
    ...rule,
    by: by.includes("evaluator") ? by : [...by, "evaluator"],
    ...(rule.evaluator === undefined ? {} : { match: { ...rule.match, evaluator: rule.evaluator } }),
  };
}

function toPlanRule(options: { rule: SimpleRule; file: AlertFile; sourceIndex: number }): AlertPlanRule {
  const { file, sourceIndex } = options;
  const rule = normaliseEvaluationRule(options.rule);
  const signal = toSignal(rule);
  const threshold = defaultThreshold(rule);
  const window = rule.window ?? defaultWindow(signal);
  const eventLike = rule.kind === "model-change" || rule.kind === "unpriced";
  const basics = resolveRuleBasics({ rule, file, defaultFor: eventLike ? "0s" : "5m" });
  const byDimensions = rule.by ?? defaultBy[rule.kind];
  const grouping = dimensionOrder.filter(
    (dimension) =>
      byDimensions.includes(dimension) || basics.match.some(([matched]) => matched === dimension),
  );
  const condition = describeCondition({ signal, threshold, window: formatDuration(parseDuration(window)!) });
  return {
    id: rule.id,
    sourceIndex,
    alertName: toAlertName(rule.id),
    title: rule.title ?? `${condition}${basics.matchText}`,
    description:
      rule.description ??
      `${condition}${basics.matchText} over the last ${window}. ${whyItMatters[signal.kind]}`,
    severity: basics.severity,
    runbookUrl: basics.runbookUrl,
    labels: basics.labels,
    signal,
    threshold,
    windowSeconds: parseDuration(window)!,
    forSeconds: basics.forSeconds,
    by: dimensionOrder.filter((dimension) => byDimensions.includes(dimension)),
    match: basics.match,
    grouping,
  };
}

/** Turns a validated alert file into the intermediate form all renderers share. */
export function toAlertPlan(file: AlertFile, sourceName: string): AlertPlan {
  return {
    group: file.group ?? "sightline",
    sourceName,
    rules: file.rules.flatMap((rule, sourceIndex) =>
      rule.kind === "slo"
        ? toSloPlanRules({ rule, file, sourceIndex })
        : [toPlanRule({ rule, file, sourceIndex })],
    ),
  };
}
