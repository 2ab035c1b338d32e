import type { Attributes, AttributeValue } from "@opentelemetry/api";
import type { GenAIRequest, GenAIResponse, GenAITarget, GenAIUsage } from "../operation/operation-shapes.js";
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_COST,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  ATTR_OPENAI_RESPONSE_SERVICE_TIER,
  ATTR_OPENAI_RESPONSE_SYSTEM_FINGERPRINT,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_SIGHTLINE_COST_MATCH,
  ATTR_SIGHTLINE_RECORDED_BY,
  ATTR_SIGHTLINE_ROLLUP,
  ERROR_TYPE_OTHER,
} from "../semconv.js";

/**
 * The parts of a span (an SDK `Span` or `ReadableSpan`, ours or another tool's) read to decide
 * whether it is a model call; declared here because core does not depend on the SDK.
 */
export interface GenAISpanLike {
  readonly name?: string;
  readonly kind?: number;
  readonly attributes: Attributes;
  readonly instrumentationScope?: { readonly name: string };
  readonly status?: { readonly code: number };
  /** `[seconds, nanoseconds]`, set by the SDK when the span ends. */
  readonly duration?: readonly [number, number];
}

/** `gen_ai.operation.name` values that are one model call each (priced, counted). */
export const INFERENCE_OPERATION_NAMES: ReadonlySet<string> = new Set([
  "chat",
  "text_completion",
  "generate_content",
  "embeddings",
]);

/** Instrumentation scopes whose spans are Sightline's own (already priced and counted). */
const SIGHTLINE_SCOPE_PREFIX = "@sightline/";

/** OpenInference's names, read when a span carries no `gen_ai.operation.name`. */
const OPENINFERENCE_SPAN_KIND = "openinference.span.kind";
const OPENINFERENCE_INFERENCE_KINDS: Record<string, string> = { LLM: "chat", EMBEDDING: "embeddings" };

/** Legacy `gen_ai.system` values renamed when `gen_ai.provider.name` replaced it (semconv v1.37). */
const LEGACY_PROVIDER_NAMES: Record<string, string> = {
  xai: "x_ai",
  "az.ai.openai": "azure.ai.openai",
  "az.ai.inference": "azure.ai.inference",
};

/** The span's `gen_ai.operation.name` (or OpenInference's equivalent for model calls). */
export function readOperationName(attributes: Attributes): string | undefined {
  const operation = attributes[ATTR_GEN_AI_OPERATION_NAME];
  if (typeof operation === "string") return operation;
  const kind = attributes[OPENINFERENCE_SPAN_KIND];
  return typeof kind === "string" ? OPENINFERENCE_INFERENCE_KINDS[kind] : undefined;
}

/**
 * True when `span` is one model call (chat, completion, generate_content, embeddings). Roll-ups
 * (`invoke_agent`, the AI SDK's `agent_step`, `invoke_workflow`) and tool spans are not, even
 * when they carry usage: their tokens are their model calls' tokens.
 */
export function isInferenceSpan(span: GenAISpanLike): boolean {
  const attributes = span.attributes ?? {};
  const operation = readOperationName(attributes);
  return (
    operation !== undefined &&
    INFERENCE_OPERATION_NAMES.has(operation) &&
    attributes[ATTR_SIGHTLINE_ROLLUP] !== true
  );
}

/** Chat, completion and generate_content are one kind of call (tools name them differently); embeddings another. */
export function isSameKindOfCall(first: string, second: string): boolean {
  if (!INFERENCE_OPERATION_NAMES.has(first) || !INFERENCE_OPERATION_NAMES.has(second)) return false;
  return (first === "embeddings") === (second === "embeddings");
}

/** True for spans made by a Sightline package. */
export function isSightlineScope(scopeName: string | undefined): boolean {
  return typeof scopeName === "string" && scopeName.startsWith(SIGHTLINE_SCOPE_PREFIX);
}

/** True when Sightline already priced or recorded this span (its own, or one it attached to). */
export function isRecordedBySightline(span: GenAISpanLike): boolean {
  const attributes = span.attributes ?? {};
  return (
    isSightlineScope(span.instrumentationScope?.name) ||
    attributes[ATTR_SIGHTLINE_RECORDED_BY] !== undefined ||
    attributes[ATTR_GEN_AI_USAGE_COST] !== undefined ||
    attributes[ATTR_SIGHTLINE_COST_MATCH] !== undefined
  );
}

/** A foreign model call, read back from its span's attributes into core's neutral shapes. */
export interface ForeignCall {
  request: GenAIRequest;
  target: GenAITarget;
  response: GenAIResponse;
  errorType?: string;
  durationSeconds: number;
  timeToFirstChunkSeconds?: number;
}

/**
 * Reads a model call from the semconv attributes another instrumentation wrote (current names,
 * then the legacy and OpenInference ones). Undefined when the span is not a model call or names
 * no provider.
 */
export function readForeignCall(span: GenAISpanLike): ForeignCall | undefined {
  const attributes = span.attributes ?? {};
  if (!isInferenceSpan(span)) return undefined;
  const operation = readOperationName(attributes) as string;
  const provider = readProvider(attributes);
  if (provider === undefined) return undefined;
  const requestModel = text(attributes[ATTR_GEN_AI_REQUEST_MODEL]) ?? text(attributes["llm.model_name"]);
  const responseModel = text(attributes[ATTR_GEN_AI_RESPONSE_MODEL]) ?? text(attributes["llm.model_name"]);
  const target: GenAITarget = { provider };
  const serverAddress = text(attributes[ATTR_SERVER_ADDRESS]);
  if (serverAddress !== undefined) target.serverAddress = serverAddress;
  const serverPort = count(attributes[ATTR_SERVER_PORT]);
  if (serverPort !== undefined) target.serverPort = serverPort;
  const response: GenAIResponse = {};
  if (responseModel !== undefined) response.model = responseModel;
  const id = text(attributes[ATTR_GEN_AI_RESPONSE_ID]);
  if (id !== undefined) response.id = id;
  const finishReasons = readFinishReasons(attributes);
  if (finishReasons) response.finishReasons = finishReasons;
  // Semconv's own finish reason for a filtered answer: the one refusal another tool's span can report.
  if (finishReasons?.includes("content_filter")) response.refusal = "content_filter";
  const usage = readUsage(attributes);
  if (usage) response.usage = usage;
  const serviceTier =
    text(attributes[ATTR_OPENAI_RESPONSE_SERVICE_TIER]) ??
    text(attributes["anthropic.response.service_tier"]);
  if (serviceTier !== undefined) response.serviceTier = serviceTier;
  const fingerprint =
    text(attributes[ATTR_OPENAI_RESPONSE_SYSTEM_FINGERPRINT]) ??
    text(attributes["gen_ai.openai.response.system_fingerprint"]);
  if (fingerprint !== undefined) response.systemFingerprint = fingerprint;
  const errorType =
    text(attributes[ATTR_ERROR_TYPE]) ?? (span.status?.code === 2 ? ERROR_TYPE_OTHER : undefined);
  const timeToFirstChunk = number(attributes[ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK]);
  return {
    request: { operation, ...(requestModel === undefined ? {} : { model: requestModel }) },
    target,
    response,
    errorType,
    durationSeconds: readDurationSeconds(span),
    ...(timeToFirstChunk === undefined ? {} : { timeToFirstChunkSeconds: timeToFirstChunk }),
  };
}

function readProvider(attributes: Attributes): string | undefined {
  const provider = text(attributes[ATTR_GEN_AI_PROVIDER_NAME]);
  if (provider !== undefined) return provider;
  const legacy =
    text(attributes[ATTR_GEN_AI_SYSTEM]) ??
    text(attributes["llm.provider"]) ??
    text(attributes["llm.system"]);
  return legacy === undefined ? undefined : (LEGACY_PROVIDER_NAMES[legacy] ?? legacy);
}

function readUsage(attributes: Attributes): GenAIUsage | undefined {
  const usage: GenAIUsage = {};
  const pairs: [keyof GenAIUsage, string[]][] = [
    ["inputTokens", [ATTR_GEN_AI_USAGE_INPUT_TOKENS, "gen_ai.usage.prompt_tokens", "llm.token_count.prompt"]],
    [
      "outputTokens",
      [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, "gen_ai.usage.completion_tokens", "llm.token_count.completion"],
    ],
    [
      "cacheReadInputTokens",
      [ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, "llm.token_count.prompt_details.cache_read"],
    ],
    [
      "cacheCreationInputTokens",
      [
        ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
        // The name semconv's GenAI repository renamed it to; Anthropic's SDK already writes it.
        "gen_ai.usage.cache_write.input_tokens",
        "llm.token_count.prompt_details.cache_write",
      ],
    ],
    [
      "reasoningOutputTokens",
      [ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS, "llm.token_count.completion_details.reasoning"],
    ],
  ];
  let found = false;
  for (const [field, keys] of pairs) {
    for (const key of keys) {
      const value = count(attributes[key]);
      if (value === undefined) continue;
      usage[field] = value;
      found = true;
      break;
    }
  }
  return found ? usage : undefined;
}

function readFinishReasons(attributes: Attributes): string[] | undefined {
  const reasons = attributes[ATTR_GEN_AI_RESPONSE_FINISH_REASONS];
  if (Array.isArray(reasons)) {
    const strings = reasons.filter((reason): reason is string => typeof reason === "string");
    if (strings.length > 0) return strings;
  }
  if (typeof reasons === "string") return [reasons];
  const stopReason =
    text(attributes["anthropic.message.stop_reason"]) ?? text(attributes["llm.finish_reason"]);
  return stopReason === undefined ? undefined : [stopReason];
}

function readDurationSeconds(span: GenAISpanLike): number {
  const duration = span.duration;
  if (Array.isArray(duration) && typeof duration[0] === "number" && typeof duration[1] === "number") {
    const seconds = duration[0] + duration[1] / 1e9;
    if (seconds >= 0) return seconds;
  }
  return 0;
}

function text(value: AttributeValue | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function number(value: AttributeValue | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function count(value: AttributeValue | undefined): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}
