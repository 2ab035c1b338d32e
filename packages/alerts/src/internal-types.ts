import type { AlertDimension, AlertSeverity } from "./types.js";

/** What a plan rule measures, with its kind-specific settings resolved. */
export type AlertSignal =
  | { kind: "budget"; period: "hour" | "day" }
  | { kind: "latency"; histogram: "duration" | "time-to-first-chunk"; quantile: number }
  | { kind: "error-ratio" }
  | { kind: "token-burn"; tokens: "input" | "output" | "total" }
  | { kind: "drift-score" }
  | { kind: "model-change" }
  | { kind: "unpriced" }
  | {
      kind: "evaluation-pass-rate";
      /** Fewer evaluations than this in the window keep the alert quiet. */
      minResults: number;
    }
  | {
      kind: "slo-burn";
      /** The SLO this burn-rate alert belongs to; fast and slow share it. */
      slo: SloDefinition;
      /** Fast burns page, slow burns open a ticket. */
      speed: "fast" | "slow";
      /** How many times faster than "exactly on budget" the budget is being spent. */
      burnRate: number;
      /** Share of the period's error budget spent within the long window when the alert fires. */
      budgetFraction: number;
      /** The confirming short window (the long one is the rule's window). */
      shortWindowSeconds: number;
    };

/** An SLO as the renderers need it. */
export interface SloDefinition {
  /** Rule id from the file. */
  id: string;
  /** Given title, or `SLO <id>`. */
  title: string;
  /** Given description, or what the objective promises. */
  description: string;
  /** Fraction of calls that must be good. */
  objective: number;
  /** Seconds within which a good call finishes; undefined when only failures are bad. */
  latencySeconds: number | undefined;
  /** SLO period in days. */
  periodDays: number;
}

/**
 * One rule of the intermediate form every renderer reads: defaults applied, durations in seconds,
 * dimensions in canonical order. Renderers never look at the YAML.
 */
export interface AlertPlanRule {
  /** Rule id from the file (with `-fast-burn`/`-slow-burn` for the two alerts of an SLO). */
  id: string;
  /** Index of the rule in the file's `rules`, for messages. */
  sourceIndex: number;
  /** `Sightline` + PascalCase id; the Prometheus alert name. */
  alertName: string;
  /** Given or generated title. */
  title: string;
  /** Given or generated description. */
  description: string;
  /** Resolved severity. */
  severity: AlertSeverity;
  /** Runbook URL, when the rule has one. */
  runbookUrl: string | undefined;
  /** Default labels merged with the rule's labels (severity not included). */
  labels: Record<string, string>;
  /** What is measured. */
  signal: AlertSignal;
  /**
   * In the kind's unit (see docs/alerts.md); the alert fires when the value is above it (below it for
   * `firesBelowThreshold` signals).
   */
  threshold: number;
  /** How far back the expression looks. */
  windowSeconds: number;
  /** How long the condition must hold; 0 fires at once. */
  forSeconds: number;
  /** The rule's `by` dimensions. */
  by: AlertDimension[];
  /** `match` as [dimension, value] pairs. */
  match: [AlertDimension, string][];
  /** by ∪ match dimensions: what each alert instance is labelled with. */
  grouping: AlertDimension[];
}

/** The intermediate form of a whole alert file. */
export interface AlertPlan {
  /** Rule group name. */
  group: string;
  /** The alert file's name, for generated-file headers. */
  sourceName: string;
  /** One entry per rule of the file, in file order. */
  rules: AlertPlanRule[];
}

/** Signals with a single threshold condition (everything but SLO burn alerts). */
export type SimpleSignal = Exclude<AlertSignal, { kind: "slo-burn" }>;

/** A plan rule with a single threshold condition. */
export type SimplePlanRule = AlertPlanRule & { signal: SimpleSignal };

/**
 * Which side of the threshold fires: every kind fires above it except the evaluation pass rate, which
 * fires when too few evaluations pass.
 */
export function firesBelowThreshold(signal: AlertSignal): boolean {
  return signal.kind === "evaluation-pass-rate";
}

/** True for plan rules with a single threshold condition. */
export function isSimplePlanRule(rule: AlertPlanRule): rule is SimplePlanRule {
  return rule.signal.kind !== "slo-burn";
}
