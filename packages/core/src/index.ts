/**
 * `@sightline/core`: what application code uses. Call context (`withContext`), governance (budgets and
 * policies), redaction, feedback and outcomes, agent and tool spans, the span processor and exporter that
 * enrich other tools' GenAI spans, and the options every provider package accepts.
 *
 * Provider and integration packages import their plumbing from `@sightline/core/provider`; every emitted
 * attribute, event and metric name is in `@sightline/core/semconv`.
 */
export {
  createDriftMonitor,
  type DriftMonitor,
  type DriftMonitorOptions,
  type DriftState,
} from "@sightline/drift";
export {
  type CostBreakdown,
  createPriceRegistry,
  getDefaultPriceRegistry,
  type PriceRefresh,
  type PriceRefreshError,
  type PriceRefreshOptions,
  type PriceRefreshResult,
  type PriceRefreshStatus,
  type PriceRefreshUpdate,
  type PriceRegistry,
  registerModelPrice,
  type SightlinePriceFile,
  startPriceRefresh,
} from "@sightline/pricing";
export { traceAgent, traceTool } from "./agents/trace-agent.js";
export type { AgentSpanOptions, GenAISpanOptions, ToolSpanOptions } from "./agents/types.js";
export type {
  CallGuard,
  ContentCaptureMode,
  DriftOptions,
  EvaluatedCall,
  EvaluationCandidate,
  EvaluationDriftFeed,
  GuardEvent,
  GuardedCall,
  GuardVerdict,
  OperationEvaluation,
  OperationHooks,
  RedactContent,
  SightlineOptions,
} from "./config/types.js";
export { CAPTURE_CONTENT_ENV } from "./content/resolve-content-capture.js";
export type { SightlineContext } from "./context/types.js";
export { getSightlineContext, withContext } from "./context/with-context.js";
export { SightlineError } from "./errors/sightline-error.js";
export { detectRefusal } from "./finishers/detect-refusal.js";
export { getDefaultDriftMonitor } from "./finishers/get-default-drift-monitor.js";
export type { DetectRefusal, FinishedOperation, OperationFinisher } from "./finishers/types.js";
export { BudgetExceededError } from "./governance/budget-exceeded-error.js";
export { createGovernance } from "./governance/create-governance.js";
export { createMemoryBudgetStore } from "./governance/create-memory-budget-store.js";
export { PolicyViolationError } from "./governance/policy-violation-error.js";
export type {
  BudgetDefinition,
  BudgetStore,
  BudgetUnit,
  BudgetUsage,
  BudgetWindow,
  CallDimension,
  CallMatch,
  FixedWindowSize,
  Governance,
  GovernanceMode,
  GovernanceOptions,
  PolicyDefinition,
} from "./governance/types.js";
export {
  createSightlineMetricProducer,
  type SightlineMetricProducer,
} from "./metrics/create-sightline-metric-producer.js";
export type {
  SightlineCollectionResult,
  SightlineDataPoint,
  SightlineHistogramMetricData,
  SightlineHistogramValue,
  SightlineMetricDescriptor,
  SightlineScopeMetrics,
  SightlineSumMetricData,
} from "./metrics/metric-data-shapes.js";
export { measureCallCost } from "./outcomes/measure-call-cost.js";
export { type EvaluationRecord, recordEvaluation } from "./outcomes/record-evaluation.js";
export { recordFeedback } from "./outcomes/record-feedback.js";
export { recordOutcome } from "./outcomes/record-outcome.js";
export type { Feedback, OperationReference, Outcome, SignalProviders } from "./outcomes/types.js";
export { PRICES_REFRESH_INTERVAL_ENV, PRICES_URL_ENV } from "./prices/resolve-prices-options.js";
export type { PricesOptions } from "./prices/types.js";
export { BUILT_IN_REDACTION_KINDS } from "./redaction/built-in-detectors.js";
export {
  createRedactingSpanExporter,
  type RedactableSpan,
  type RedactingSpanExporterOptions,
  type SpanExporterLike,
} from "./redaction/create-redacting-span-exporter.js";
export { createRedactor } from "./redaction/create-redactor.js";
export type {
  RedactionFunctionRule,
  RedactionOptions,
  RedactionPatternRule,
  RedactionResult,
  RedactionRule,
  Redactor,
} from "./redaction/types.js";
export type { GenAISpanEnrichmentOptions } from "./stacking/create-genai-span-enricher.js";
export {
  createSightlineSpanExporter,
  type EnrichableSpan,
  type SightlineSpanExporterOptions,
} from "./stacking/create-sightline-span-exporter.js";
export {
  createSightlineSpanProcessor,
  type ProcessedSpanLike,
  type SightlineSpanProcessor,
  type SightlineSpanProcessorOptions,
} from "./stacking/create-sightline-span-processor.js";
