/** How OTel metric names become Prometheus names (see docs/alerts.md, "Naming modes"). */
export type NamingMode =
  /** OTLP into Prometheus or a Collector (`otlptranslator`): unit suffixes such as `_seconds`, `_USD`. */
  | "otlp"
  /** `@opentelemetry/exporter-prometheus` scraped from `/metrics`: no unit suffixes. */
  | "prometheus-exporter";

/** Alert severity; becomes the `severity` label, Datadog priority and Honeycomb name prefix. */
export type AlertSeverity = "critical" | "warning" | "info";

/** Dimensions a rule may group by or match on; each maps to one metric attribute. */
export type AlertDimension =
  | "provider"
  | "model"
  | "operation"
  | "feature"
  | "prompt"
  | "signal"
  | "evaluator";

/** Fields every rule has. Durations are Prometheus-style strings with one unit: `30s`, `5m`, `1h`, `1d`. */
export interface AlertRuleBase {
  /** Unique kebab-case id; the alert name is derived from it (`hourly-spend` → `SightlineHourlySpend`). */
  id: string;
  /** Human title used in summaries and monitor names. Default: generated from the rule. */
  title?: string;
  /** Longer text for the alert description. Default: generated from the rule. */
  description?: string;
  /** How far back the expression looks. Default depends on the kind. */
  window?: string;
  /** How long the condition must hold before the alert fires. Default: the file's `defaults.for`, else `5m`. */
  for?: string;
  /** Severity. Default: the file's `defaults.severity`, else `warning`. */
  severity?: AlertSeverity;
  /** Extra labels (Prometheus/Grafana labels, Datadog tags). Merged over `defaults.labels`. */
  labels?: Record<string, string>;
  /** Runbook URL, added as the `runbook_url` annotation and to monitor messages. */
  runbook?: string;
  /** Alert separately per value of these dimensions. Default depends on the kind. */
  by?: AlertDimension[];
  /** Only consider telemetry whose dimension equals the given value, e.g. `{ feature: checkout }`. */
  match?: Partial<Record<AlertDimension, string>>;
}

/** Spend above `threshold` US dollars per `period`. */
export interface BudgetRule extends AlertRuleBase {
  kind: "budget";
  /** US dollars per period. */
  threshold: number;
  /** The period the threshold is per. */
  period: "hour" | "day";
}

/** A duration quantile above `threshold` seconds. */
export interface LatencyRule extends AlertRuleBase {
  kind: "latency";
  /** Seconds. */
  threshold: number;
  /** Which histogram: whole operation, or time to first chunk of a stream. Default: `duration`. */
  signal?: "duration" | "time-to-first-chunk";
  /** Quantile: 0.5, 0.75, 0.9, 0.95, 0.99 or 0.999. Default: 0.95. */
  quantile?: number;
}

/** Share of failed operations above `threshold` (a fraction between 0 and 1). */
export interface ErrorRatioRule extends AlertRuleBase {
  kind: "error-ratio";
  /** Fraction of operations that failed, greater than 0 and less than 1. */
  threshold: number;
}

/** Token consumption above `threshold` tokens per minute. */
export interface TokenBurnRule extends AlertRuleBase {
  kind: "token-burn";
  /** Tokens per minute. */
  threshold: number;
  /** Which tokens to count. Default: `total`. */
  tokens?: "input" | "output" | "total";
}

/** A drift detector's score above `threshold` (1 means the detector's own threshold). */
export interface DriftScoreRule extends AlertRuleBase {
  kind: "drift-score";
  /** Score. Default: 1. */
  threshold?: number;
}

/** More than `threshold` model changes in the window (the provider started answering with another model). */
export interface ModelChangeRule extends AlertRuleBase {
  kind: "model-change";
  /** Events in the window. Default: 0 (any change). */
  threshold?: number;
}

/** More than `threshold` calls in the window whose model had no price. */
export interface UnpricedRule extends AlertRuleBase {
  kind: "unpriced";
  /** Calls in the window. Default: 0 (any unpriced call). */
  threshold?: number;
}

/**
 * The share of evaluations that passed fell **below** `threshold` (a fraction) over the window, counted from
 * `sightline.gen_ai.evaluation.results`; evaluations that failed themselves (`error.type`) do not count.
 * The only kind that fires below its threshold. Each evaluator alerts on its own (`evaluator` is always a
 * grouping dimension).
 */
export interface EvaluationPassRateRule extends AlertRuleBase {
  kind: "evaluation-pass-rate";
  /** Fraction of evaluations that must pass, greater than 0 and less than 1. */
  threshold: number;
  /** Only this evaluator (`gen_ai.evaluation.name`). Default: every evaluator, each alerting on its own. */
  evaluator?: string;
  /** Stay quiet while fewer evaluations than this were recorded in the window. Default: 20. */
  minResults?: number;
}

/**
 * A service level objective: the share of calls that must be good over `period`. Rendered as multi-window
 * burn-rate alerts (fast: 2% of the error budget in 1h, confirmed over 5m; slow: 5% in 6h, confirmed over
 * 30m) and, for Honeycomb, as an SLO with burn alerts.
 */
export interface SloRule extends Omit<AlertRuleBase, "window" | "by"> {
  kind: "slo";
  /** Fraction of calls that must be good, from 0.95 to 0.9999. */
  objective: number;
  /**
   * Seconds a good call may take; one of the semconv duration bucket boundaries (0.01, 0.02, 0.04, …,
   * 40.96, 81.92) so Prometheus can count it exactly. Default: only failed calls are bad.
   */
  latency?: number;
  /** The SLO period. Default: `30d`. */
  period?: "7d" | "28d" | "30d";
}

/** One rule of the alert file. */
export type AlertRule =
  | BudgetRule
  | LatencyRule
  | ErrorRatioRule
  | TokenBurnRule
  | DriftScoreRule
  | ModelChangeRule
  | UnpricedRule
  | EvaluationPassRateRule
  | SloRule;

/** The kinds of rule the vocabulary knows. */
export type AlertRuleKind = AlertRule["kind"];

/** Values applied to every rule that does not set its own. */
export interface AlertFileDefaults {
  /** Default `for`. Default: `5m`. */
  for?: string;
  /** Default severity. Default: `warning`. */
  severity?: AlertSeverity;
  /** Labels added to every rule (a rule's own labels win). */
  labels?: Record<string, string>;
}

/** A validated `sightline.alerts.yaml`. */
export interface AlertFile {
  /** Format version; only 1 exists. */
  version: 1;
  /** Rule group name (Prometheus/Grafana group). Default: `sightline`. */
  group?: string;
  /** Values applied to every rule. */
  defaults?: AlertFileDefaults;
  /** The rules. */
  rules: AlertRule[];
}

/** One validation problem, pointing at the line and field that caused it. */
export interface AlertFileError {
  /** The file name the error refers to. */
  fileName: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Field path such as `rules[2].threshold`; empty for the whole document. */
  path: string;
  /** What is wrong and what is allowed. */
  detail: string;
  /** `file:line path: detail`, ready to print. */
  message: string;
}

/** The outcome of `checkAlertFile`. */
export type CheckAlertFileResult = { ok: true; file: AlertFile } | { ok: false; errors: AlertFileError[] };

/** The targets `renderAlerts` can produce. */
export type AlertTarget = "prometheus" | "grafana" | "honeycomb" | "datadog";

/** Input shared by every entry point that reads an alert file. */
export interface AlertFileSource {
  /** The YAML text of the alert file. */
  text: string;
  /** Name used in error messages and generated files. Default: `sightline.alerts.yaml`. */
  fileName?: string;
}

/** Options for `generatePromtoolTests`. */
export interface GeneratePromtoolTestsOptions extends AlertFileSource {
  /** Naming mode; must be the one the rules were rendered with. */
  naming: NamingMode;
}

/** Options for the Prometheus target. */
export interface PrometheusRenderOptions extends AlertFileSource {
  target: "prometheus";
  /** Naming mode; required because the two modes give different metric names. */
  naming: NamingMode;
}

/** Options for the Grafana target. */
export interface GrafanaRenderOptions extends AlertFileSource {
  target: "grafana";
  /** Naming mode of the Prometheus data source's metrics. */
  naming: NamingMode;
  /** UID of the Prometheus data source in Grafana. Default: `prometheus`. */
  datasourceUid?: string;
  /** Grafana folder the rule group goes into. Default: `Sightline`. */
  folder?: string;
}

/** Options for the Honeycomb target. */
export interface HoneycombRenderOptions extends AlertFileSource {
  target: "honeycomb";
  /** Dataset slug the triggers are created in. Default: `__all__` (environment-wide). */
  dataset?: string;
}

/** Options for the Datadog target. */
export interface DatadogRenderOptions extends AlertFileSource {
  target: "datadog";
  /** Tags added to every monitor. Default: `["managed-by:sightline"]`. */
  tags?: string[];
}

/** Options for `renderAlerts`; `target` selects the rest. */
export type RenderAlertsOptions =
  | PrometheusRenderOptions
  | GrafanaRenderOptions
  | HoneycombRenderOptions
  | DatadogRenderOptions;

/** One generated file. */
export interface RenderedFile {
  /** Suggested relative path, e.g. `prometheus/sightline.rules.yml`. */
  path: string;
  /** File contents. */
  contents: string;
}

/** The outcome of `renderAlerts` and `generatePromtoolTests`: files, or the validation errors. */
export type RenderAlertsResult =
  | {
      ok: true;
      files: RenderedFile[];
      /** Rules the target could not express, each naming the rule; empty when everything was rendered. */
      warnings: string[];
    }
  | { ok: false; errors: AlertFileError[] };
