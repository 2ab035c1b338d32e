export { checkAlertFile } from "./check-alert-file.js";
export { createDefaultAlertFile } from "./create-default-alert-file.js";
export { generatePromtoolTests } from "./generate-promtool-tests.js";
export { renderAlerts } from "./render-alerts.js";
export type { MetricDescriptor, MetricInstrumentKind } from "./sightline-metric-names.js";
export { sightlineMetrics } from "./sightline-metric-names.js";
export { toPrometheusMetricName } from "./to-prometheus-name.js";
export type {
  AlertDimension,
  AlertFile,
  AlertFileDefaults,
  AlertFileError,
  AlertFileSource,
  AlertRule,
  AlertRuleBase,
  AlertRuleKind,
  AlertSeverity,
  AlertTarget,
  BudgetRule,
  CheckAlertFileResult,
  DatadogRenderOptions,
  DriftScoreRule,
  ErrorRatioRule,
  EvaluationPassRateRule,
  GeneratePromtoolTestsOptions,
  GrafanaRenderOptions,
  HoneycombRenderOptions,
  LatencyRule,
  ModelChangeRule,
  NamingMode,
  PrometheusRenderOptions,
  RenderAlertsOptions,
  RenderAlertsResult,
  RenderedFile,
  SloRule,
  TokenBurnRule,
  UnpricedRule,
} from "./types.js";
