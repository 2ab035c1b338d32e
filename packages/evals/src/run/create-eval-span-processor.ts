import { type Attributes, type Context, diag, type SpanContext, TraceFlags } from "@opentelemetry/api";
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_USAGE_COST,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
} from "@sightline/core/semconv";
import { getRowTelemetry, type RowTelemetry } from "./row-telemetry.js";

/** `gen_ai.operation.name` values that are one model call each. */
const MODEL_CALL_OPERATIONS = new Set(["chat", "text_completion", "generate_content", "embeddings"]);

/** The parts of an OTel SDK span the processor reads; declared here because this package does not depend on the SDK. */
export interface EvalProcessedSpan {
  readonly attributes: Attributes;
  readonly duration?: readonly [number, number];
  spanContext(): SpanContext;
}

/** The shape of an OTel SDK `SpanProcessor`. */
export interface EvalSpanProcessor {
  onStart(span: EvalProcessedSpan, parentContext: Context): void;
  onEnd(span: EvalProcessedSpan): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * A span processor that lets `runEvalDataset` read each row's cost and latency from the model-call spans
 * Sightline's wrapped clients emit under the row (`gen_ai.usage.cost`, the span duration, token counts).
 * Add it to the tracer provider the run uses; without it, rows get wall-clock latency and no cost. It keeps
 * nothing after a span ends and never throws into the SDK.
 * @example
 * init({ spanProcessors: [createEvalSpanProcessor()] }); // @sightline/node
 */
export function createEvalSpanProcessor(): EvalSpanProcessor {
  // Held only while the span is open.
  const owners = new WeakMap<object, RowTelemetry>();
  return {
    onStart(span, parentContext) {
      try {
        const telemetry = getRowTelemetry(parentContext);
        if (!telemetry) return;
        owners.set(span, telemetry);
        telemetry.open += 1;
      } catch (error) {
        diag.error("sightline: the eval span processor failed on a span start", error);
      }
    },
    onEnd(span) {
      try {
        const telemetry = owners.get(span);
        if (!telemetry) return;
        owners.delete(span);
        const call = readModelCall(span, telemetry);
        if (call) telemetry.modelCalls.push(call);
        telemetry.open -= 1;
        if (telemetry.open <= 0) {
          const waiters = telemetry.waiters;
          telemetry.waiters = [];
          for (const waiter of waiters) waiter();
        }
      } catch (error) {
        diag.error("sightline: the eval span processor failed on a span end", error);
      }
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}

function readModelCall(span: EvalProcessedSpan, telemetry: RowTelemetry) {
  const attributes = span.attributes;
  const operation = attributes[ATTR_GEN_AI_OPERATION_NAME];
  if (typeof operation !== "string" || !MODEL_CALL_OPERATIONS.has(operation)) return undefined;
  const spanContext = span.spanContext();
  // Sightline's stacking processor unsamples another tool's duplicate of a call it already recorded.
  if (telemetry.sampled && (spanContext.traceFlags & TraceFlags.SAMPLED) === 0) return undefined;
  const number = (name: string) => {
    const value = attributes[name];
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  };
  const model = attributes[ATTR_GEN_AI_REQUEST_MODEL] ?? attributes[ATTR_GEN_AI_RESPONSE_MODEL];
  const provider = attributes[ATTR_GEN_AI_PROVIDER_NAME];
  const costUsd = number(ATTR_GEN_AI_USAGE_COST);
  const inputTokens = number(ATTR_GEN_AI_USAGE_INPUT_TOKENS);
  const outputTokens = number(ATTR_GEN_AI_USAGE_OUTPUT_TOKENS);
  const duration = span.duration;
  return {
    traceId: spanContext.traceId,
    spanId: spanContext.spanId,
    operation,
    ...(typeof provider === "string" ? { provider } : {}),
    ...(typeof model === "string" ? { model } : {}),
    ...(costUsd !== undefined ? { costUsd } : {}),
    ...(duration ? { durationMs: duration[0] * 1000 + duration[1] / 1e6 } : {}),
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {}),
  };
}
