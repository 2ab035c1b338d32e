import { INFERENCE_OPERATION_NAMES } from "@sightline/core/provider";
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  ATTR_SIGHTLINE_STREAM_OUTCOME,
} from "@sightline/core/semconv";
import type { CapturedSpan } from "@sightline/otlp";
import { ATTR_GEN_AI_USAGE_COST, ATTR_SIGHTLINE_COST_MATCH, ATTR_SIGHTLINE_ROLLUP } from "./dev-names.js";
import type { Paint } from "./paint.js";

/** OTLP status code of a failed span. */
const STATUS_ERROR = 2;
/** Event attributes shown per event, so one odd event cannot flood the terminal. */
const MAX_EVENT_ATTRIBUTES = 8;

/** True for a span describing a GenAI operation (it carries `gen_ai.operation.name`). */
export function isGenAISpan(span: CapturedSpan): boolean {
  return typeof span.attributes[ATTR_GEN_AI_OPERATION_NAME] === "string";
}

/**
 * True for a span that is one model call (chat, completion, generate_content, embeddings): what the
 * summary counts. Roll-ups (`invoke_agent`, the AI SDK's `agent_step`, workflows) and tool spans carry
 * their calls' tokens again and are shown in the tree, never counted.
 */
export function isInferenceSpan(span: CapturedSpan): boolean {
  const operation = span.attributes[ATTR_GEN_AI_OPERATION_NAME];
  return (
    typeof operation === "string" &&
    INFERENCE_OPERATION_NAMES.has(operation) &&
    span.attributes[ATTR_SIGHTLINE_ROLLUP] !== true
  );
}

/** The span's duration in milliseconds, from its nanosecond timestamps. */
export function getDurationMs(span: CapturedSpan): number {
  const nanoseconds = parseUnixNano(span.endTimeUnixNano) - parseUnixNano(span.startTimeUnixNano);
  return Number(nanoseconds) / 1e6;
}

/**
 * A Unix-nanosecond timestamp as sent (a decimal string), or 0 when it is not one: a sender's `"soon"` or
 * `"1e18"` must not throw out of a formatting path (or the sweep timer) with its text in the message.
 */
export function parseUnixNano(text: string | undefined): bigint {
  return text !== undefined && /^\d{1,30}$/.test(text) ? BigInt(text) : 0n;
}

/** The model a span is counted under: the response model, else the request model. */
export function getSpanModel(span: CapturedSpan): string {
  const model = span.attributes[ATTR_GEN_AI_RESPONSE_MODEL] ?? span.attributes[ATTR_GEN_AI_REQUEST_MODEL];
  return typeof model === "string" && model !== "" ? model : "(unknown model)";
}

/** True when the span failed: error status or an `error.type`. */
export function isFailedSpan(span: CapturedSpan): boolean {
  return span.status.code === STATUS_ERROR || span.attributes[ATTR_ERROR_TYPE] !== undefined;
}

/** Formats milliseconds for people: `850 ms`, `1.24 s`. */
export function formatMilliseconds(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds.toFixed(1)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}

/** Formats a cost in US dollars with enough digits for fractions of a cent. */
export function formatCost(cost: number): string {
  if (cost > 0 && cost < 0.000001) return "<$0.000001";
  return `$${cost < 0.01 ? cost.toFixed(6) : cost.toFixed(4)}`;
}

/**
 * The lines describing one span: a headline (name, response model, duration, tokens, cost, finish) and,
 * below it, errors and Sightline events (drift, model change). GenAI fields only appear when present.
 */
export function formatSpanDetails(options: { span: CapturedSpan; paint: Paint }): string[] {
  const { span, paint } = options;
  const attributes = span.attributes;
  const requestModel = attributes[ATTR_GEN_AI_REQUEST_MODEL];
  const responseModel = attributes[ATTR_GEN_AI_RESPONSE_MODEL];
  const modelChange =
    typeof responseModel === "string" && responseModel !== requestModel ? ` → ${responseModel}` : "";
  const parts = [`${paint("bold", span.name)}${modelChange}`];
  parts.push(paint("dim", formatMilliseconds(getDurationMs(span))));

  const timeToFirstChunk = attributes[ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK];
  if (typeof timeToFirstChunk === "number")
    parts.push(`first chunk ${formatMilliseconds(timeToFirstChunk * 1000)}`);
  const tokens = formatTokens(attributes);
  if (tokens) parts.push(tokens);
  const cost = attributes[ATTR_GEN_AI_USAGE_COST];
  const costMatch = attributes[ATTR_SIGHTLINE_COST_MATCH];
  if (typeof cost === "number") parts.push(paint("green", formatCost(cost)));
  else if (costMatch !== undefined) parts.push(paint("dim", `cost ? (${String(costMatch)})`));
  const finish = attributes[ATTR_GEN_AI_RESPONSE_FINISH_REASONS];
  if (Array.isArray(finish) && finish.length > 0) parts.push(`finish ${finish.join(",")}`);
  const outcome = attributes[ATTR_SIGHTLINE_STREAM_OUTCOME];
  if (typeof outcome === "string" && outcome !== "completed")
    parts.push(paint("yellow", `stream ${outcome}`));

  const lines = [parts.join("  ")];
  if (isFailedSpan(span)) {
    const type = attributes[ATTR_ERROR_TYPE];
    const message = span.status.message;
    lines.push(
      paint("red", `✗ ${[type, message].filter((part) => part !== undefined).join(": ") || "error"}`),
    );
  }
  for (const event of span.events) {
    if (event.name.startsWith("sightline.")) lines.push(paint("yellow", formatSightlineEvent(event)));
  }
  return lines;
}

function formatTokens(attributes: Record<string, unknown>): string | undefined {
  const input = attributes[ATTR_GEN_AI_USAGE_INPUT_TOKENS];
  const output = attributes[ATTR_GEN_AI_USAGE_OUTPUT_TOKENS];
  if (input === undefined && output === undefined) return undefined;
  const cached = attributes[ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS];
  const reasoning = attributes[ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS];
  const inputText = input === undefined ? "? in" : `${input} in${cached ? ` (${cached} cached)` : ""}`;
  const outputText =
    output === undefined ? "" : ` / ${output} out${reasoning ? ` (${reasoning} reasoning)` : ""}`;
  return `tokens ${inputText}${outputText}`;
}

/**
 * One line per drift or model-change event: `⚑ sightline.model_change response_model: old → new`, other
 * attributes as key=value with the shared `sightline.drift.` prefix left off.
 */
function formatSightlineEvent(event: { name: string; attributes: Record<string, unknown> }): string {
  const short: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event.attributes)) {
    short[key.replace(/^sightline\.drift\./, "").replace(`${event.name}.`, "")] = value;
  }
  const { signal, previous, next, ...others } = short;
  const change =
    previous !== undefined && next !== undefined
      ? ` ${signal === undefined ? "" : `${formatValue(signal)}: `}${formatValue(previous)} → ${formatValue(next)}`
      : signal === undefined
        ? ""
        : ` ${formatValue(signal)}`;
  const rest = Object.entries(others)
    .slice(0, MAX_EVENT_ATTRIBUTES)
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  return `⚑ ${event.name}${change}${rest.length > 0 ? `  ${rest.join(" ")}` : ""}`;
}

function formatValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
