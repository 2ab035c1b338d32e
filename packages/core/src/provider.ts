/**
 * `@sightline/core/provider`: what a provider or integration package uses to describe its client. The
 * operation engine (`createInstrumentation`, `Operation` and the neutral request/response shapes), the
 * helpers that follow a promise or stream to its end (`followStream`, `observe*`, `wrapMethod`), the
 * mapping helpers (`read-fields`, `readServerAddress`, `getModelFamily`), client checks, agent and tool
 * spans by hand, and the stacking helpers that keep one call one span beside other tools.
 *
 * Application code needs none of this: it imports `@sightline/core`.
 */
export { startAgentSpan, startToolSpan } from "./agents/start-agent-span.js";
export { startGenAISpan } from "./agents/start-genai-span.js";
export type { GenAISpanHandle, ToolSpanHandle } from "./agents/types.js";
export { readEnv } from "./config/read-env.js";
export { appendCapturedText, CAPTURED_TEXT_CUT_MARKER } from "./content/append-captured-text.js";
export { reportTelemetryError } from "./errors/report-telemetry-error.js";
export { getModelFamily } from "./finishers/get-model-family.js";
export { type FollowStreamOptions, followStream } from "./follow/follow-stream.js";
export { type ObserveApiPromiseOptions, observeApiPromise } from "./follow/observe-api-promise.js";
export { type ObservedCall, type ObserveMethodOptions, observeMethod } from "./follow/observe-method.js";
export { observePromise } from "./follow/observe-promise.js";
export {
  type ObservePromisedStreamOptions,
  observePromisedStream,
} from "./follow/observe-promised-stream.js";
export {
  type ObserveStainlessResultOptions,
  observeStainlessResult,
} from "./follow/observe-stainless-result.js";
export { wrapMethod } from "./follow/wrap-method.js";
export {
  type CreateInstrumentationOptions,
  createInstrumentation,
  type Instrumentation,
  type TraceOperationSpec,
} from "./operation/create-instrumentation.js";
export { Operation, type StreamOutcome } from "./operation/operation.js";
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
} from "./operation/operation-shapes.js";
export {
  type ResolvedPricesOptions,
  resolvePricesOptions,
} from "./prices/resolve-prices-options.js";
export { startConfiguredPriceRefresh } from "./prices/start-configured-price-refresh.js";
export { checkClient } from "./provider-kit/check-client.js";
export { collectFinishReasons } from "./provider-kit/collect-finish-reasons.js";
export {
  type AccumulatorSettings,
  type ObserveClientOptions,
  type ObservedMethodSpec,
  observeClient,
} from "./provider-kit/observe-client.js";
export {
  asArray,
  asFields,
  asNumber,
  asString,
  type Fields,
  parseArguments,
} from "./provider-kit/read-fields.js";
export { readServerAddress } from "./provider-kit/read-server-address.js";
export {
  createPropertyTelemetrySwitch,
  type NativeSpansMode,
  type NativeTelemetryState,
  type NativeTelemetrySwitch,
  type SilenceNativeTelemetryOptions,
  silenceNativeTelemetry,
} from "./provider-kit/silence-native-telemetry.js";
export { type CallContextBridge, registerCallContextBridge } from "./stacking/call-context-bridge.js";
export { FOREIGN_METRIC_SCOPES } from "./stacking/create-genai-span-enricher.js";
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
