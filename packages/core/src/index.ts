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
  type PriceRegistry,
  registerModelPrice,
} from "@sightline/pricing";
export { startAgentSpan, startToolSpan } from "./agents/start-agent-span.js";
export { traceAgent, traceTool } from "./agents/trace-agent.js";
export type {
  AgentSpanOptions,
  GenAISpanHandle,
  GenAISpanOptions,
  ToolSpanHandle,
  ToolSpanOptions,
} from "./agents/types.js";
export { appendCapturedText, CAPTURED_TEXT_CUT_MARKER } from "./append-captured-text.js";
export { checkClient } from "./check-client.js";
export type { DetectRefusal } from "./create-drift-finisher.js";
export {
  type CreateInstrumentationOptions,
  createInstrumentation,
  type FinishedOperation,
  type Instrumentation,
  type OperationFinisher,
  type TraceOperationSpec,
} from "./create-instrumentation.js";
export { detectRefusal } from "./detect-refusal.js";
export { type FollowStreamOptions, followStream } from "./follow-stream.js";
export { getDefaultDriftMonitor } from "./get-default-drift-monitor.js";
export { getModelFamily } from "./get-model-family.js";
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
export { type ObserveApiPromiseOptions, observeApiPromise } from "./observe-api-promise.js";
export { type ObservedCall, type ObserveMethodOptions, observeMethod } from "./observe-method.js";
export { observePromise } from "./observe-promise.js";
export { type ObservePromisedStreamOptions, observePromisedStream } from "./observe-promised-stream.js";
export { type ObserveStainlessResultOptions, observeStainlessResult } from "./observe-stainless-result.js";
export { Operation, type StreamOutcome } from "./operation.js";
export {
  ChunkFlags,
  type GenAIBilledUnits,
  type GenAIErrorInfo,
  type GenAIRequest,
  type GenAIRequestParameters,
  type GenAIResponse,
  type GenAITarget,
  type GenAIUsage,
  type InputMessage,
  type MessagePart,
  type OutputMessage,
  type RequestContent,
  type StreamAccumulator,
  type ToolDefinition,
} from "./operation-shapes.js";
export { recordFeedback } from "./outcomes/record-feedback.js";
export { recordOutcome } from "./outcomes/record-outcome.js";
export type { Feedback, OperationReference, Outcome, SignalProviders } from "./outcomes/types.js";
export { readEnv } from "./read-env.js";
export { asArray, asFields, asNumber, asString, type Fields, parseArguments } from "./read-fields.js";
export { readServerAddress } from "./read-server-address.js";
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
export { reportTelemetryError } from "./report-telemetry-error.js";
export { CAPTURE_CONTENT_ENV } from "./resolve-content-capture.js";
export {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_AGENT_DESCRIPTION,
  ATTR_GEN_AI_AGENT_ID,
  ATTR_GEN_AI_AGENT_NAME,
  ATTR_GEN_AI_AGENT_VERSION,
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT,
  ATTR_GEN_AI_EVALUATION_EXPLANATION,
  ATTR_GEN_AI_EVALUATION_NAME,
  ATTR_GEN_AI_EVALUATION_SCORE_LABEL,
  ATTR_GEN_AI_EVALUATION_SCORE_VALUE,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_TYPE,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_CHOICE_COUNT,
  ATTR_GEN_AI_REQUEST_ENCODING_FORMATS,
  ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY,
  ATTR_GEN_AI_REQUEST_SEED,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_K,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_TOKEN_TYPE,
  ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
  ATTR_GEN_AI_TOOL_CALL_ID,
  ATTR_GEN_AI_TOOL_CALL_RESULT,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
  ATTR_GEN_AI_TOOL_DESCRIPTION,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GEN_AI_TOOL_TYPE,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_COST,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_OPENAI_API_TYPE,
  ATTR_OPENAI_REQUEST_SERVICE_TIER,
  ATTR_OPENAI_RESPONSE_SERVICE_TIER,
  ATTR_OPENAI_RESPONSE_SYSTEM_FINGERPRINT,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_SIGHTLINE_BUDGET_KEY,
  ATTR_SIGHTLINE_BUDGET_LIMIT,
  ATTR_SIGHTLINE_BUDGET_NAME,
  ATTR_SIGHTLINE_BUDGET_UNIT,
  ATTR_SIGHTLINE_BUDGET_USED,
  ATTR_SIGHTLINE_BUDGET_WINDOW,
  ATTR_SIGHTLINE_CONTENT_TRUNCATED,
  ATTR_SIGHTLINE_COST_AUDIO_INPUT,
  ATTR_SIGHTLINE_COST_CACHE_WRITE,
  ATTR_SIGHTLINE_COST_CACHED_INPUT,
  ATTR_SIGHTLINE_COST_INPUT,
  ATTR_SIGHTLINE_COST_MATCH,
  ATTR_SIGHTLINE_COST_MODEL,
  ATTR_SIGHTLINE_COST_OUTPUT,
  ATTR_SIGHTLINE_COST_REASONING,
  ATTR_SIGHTLINE_COST_TOTAL,
  ATTR_SIGHTLINE_COST_UNITS,
  ATTR_SIGHTLINE_COST_UNPRICED_UNITS,
  ATTR_SIGHTLINE_DRIFT_DETECTOR,
  ATTR_SIGHTLINE_DRIFT_DIRECTION,
  ATTR_SIGHTLINE_DRIFT_KIND,
  ATTR_SIGHTLINE_DRIFT_NEXT,
  ATTR_SIGHTLINE_DRIFT_PREVIOUS,
  ATTR_SIGHTLINE_DRIFT_SCORE,
  ATTR_SIGHTLINE_DRIFT_SIGNAL,
  ATTR_SIGHTLINE_DRIFT_STATISTIC,
  ATTR_SIGHTLINE_DRIFT_THRESHOLD,
  ATTR_SIGHTLINE_FEATURE,
  ATTR_SIGHTLINE_GOVERNANCE_ACTION,
  ATTR_SIGHTLINE_GOVERNANCE_MODE,
  ATTR_SIGHTLINE_GOVERNANCE_REFUSED,
  ATTR_SIGHTLINE_MODEL_FAMILY,
  ATTR_SIGHTLINE_OUTCOME_KIND,
  ATTR_SIGHTLINE_OUTCOME_VALUE,
  ATTR_SIGHTLINE_POLICY_NAME,
  ATTR_SIGHTLINE_POLICY_RULE,
  ATTR_SIGHTLINE_PRICING_VERSION,
  ATTR_SIGHTLINE_PROMPT_ID,
  ATTR_SIGHTLINE_PROMPT_VERSION,
  ATTR_SIGHTLINE_RECORDED_BY,
  ATTR_SIGHTLINE_REDACTION_COUNT,
  ATTR_SIGHTLINE_REDACTION_COUNT_PREFIX,
  ATTR_SIGHTLINE_RESPONSE_READ,
  ATTR_SIGHTLINE_ROLLUP,
  ATTR_SIGHTLINE_STREAM_CHUNKS,
  ATTR_SIGHTLINE_STREAM_OUTCOME,
  ATTR_SIGHTLINE_TENANT_ID,
  ATTR_USER_ID,
  COST_MATCH_UNPRICED,
  DURATION_BUCKETS,
  ERROR_TYPE_OTHER,
  EVENT_GEN_AI_EVALUATION_RESULT,
  EVENT_SIGHTLINE_BUDGET_EXCEEDED,
  EVENT_SIGHTLINE_DRIFT,
  EVENT_SIGHTLINE_MODEL_CHANGE,
  EVENT_SIGHTLINE_OUTCOME,
  EVENT_SIGHTLINE_POLICY_CONTENT_SUPPRESSED,
  EVENT_SIGHTLINE_POLICY_VIOLATION,
  GEN_AI_OPERATION_CHAT,
  GEN_AI_OPERATION_EMBEDDINGS,
  GEN_AI_OPERATION_EXECUTE_TOOL,
  GEN_AI_OPERATION_GENERATE_CONTENT,
  GEN_AI_OPERATION_INVOKE_AGENT,
  GEN_AI_OPERATION_TEXT_COMPLETION,
  GEN_AI_TOKEN_TYPE_INPUT,
  GEN_AI_TOKEN_TYPE_OUTPUT,
  METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
  METRIC_GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK,
  METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK,
  METRIC_GEN_AI_CLIENT_TOKEN_USAGE,
  METRIC_SIGHTLINE_BUDGET_BREACHES,
  METRIC_SIGHTLINE_BUDGET_LIMIT,
  METRIC_SIGHTLINE_BUDGET_USED,
  METRIC_SIGHTLINE_GEN_AI_COST,
  METRIC_SIGHTLINE_GEN_AI_COST_UNPRICED,
  METRIC_SIGHTLINE_GEN_AI_DRIFT_EVENTS,
  METRIC_SIGHTLINE_GEN_AI_DRIFT_SCORE,
  METRIC_SIGHTLINE_GEN_AI_FEEDBACK_SCORE,
  METRIC_SIGHTLINE_GEN_AI_OUTCOMES,
  METRIC_SIGHTLINE_POLICY_VIOLATIONS,
  SEMCONV_SCHEMA_URL,
  TOKEN_BUCKETS,
} from "./semconv.js";
export { SightlineError } from "./sightline-error.js";
export {
  createPropertyTelemetrySwitch,
  type NativeSpansMode,
  type NativeTelemetryState,
  type NativeTelemetrySwitch,
  type SilenceNativeTelemetryOptions,
  silenceNativeTelemetry,
} from "./silence-native-telemetry.js";
export {
  FOREIGN_METRIC_SCOPES,
  type GenAISpanEnrichmentOptions,
} from "./stacking/create-genai-span-enricher.js";
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
export { findForeignGenAIParent } from "./stacking/find-foreign-genai-parent.js";
export {
  type GenAISpanLike,
  INFERENCE_OPERATION_NAMES,
  isInferenceSpan,
  isSameKindOfCall,
} from "./stacking/read-genai-span.js";
export {
  noteSightlineOperationStarted,
  takeForeignModelSpanStartedThisRun,
} from "./stacking/same-run-model-spans.js";
export {
  getSightlineOperation,
  markSightlineOperation,
  type SightlineOperationMark,
} from "./stacking/sightline-operation-context.js";
export type {
  CallGuard,
  ContentCaptureMode,
  DriftOptions,
  GuardEvent,
  GuardedCall,
  GuardVerdict,
  OperationHooks,
  RedactContent,
  SightlineContext,
  SightlineOptions,
} from "./types.js";
export { getSightlineContext, withContext } from "./with-context.js";
export { wrapMethod } from "./wrap-method.js";
