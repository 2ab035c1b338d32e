import {
  type Context,
  diag,
  type Span,
  type SpanContext,
  SpanKind,
  TraceFlags,
  trace,
} from "@opentelemetry/api";
import { reportTelemetryError } from "../report-telemetry-error.js";
import { createGenAISpanEnricher, type GenAISpanEnrichmentOptions } from "./create-genai-span-enricher.js";
import {
  ATTR_SIGHTLINE_RECORDED_BY,
  type GenAISpanLike,
  isRecordedBySightline,
  isSameKindOfCall,
  isSightlineScope,
  readForeignCall,
  readOperationName,
} from "./read-genai-span.js";
import { getSightlineOperation } from "./sightline-operation-context.js";

/**
 * The parts of an OTel SDK span a processor reads and writes; declared here because core does not
 * depend on the SDK (any SDK `Span` fits).
 */
export interface ProcessedSpanLike extends GenAISpanLike {
  spanContext(): SpanContext;
  setAttribute: Span["setAttribute"];
  setAttributes: Span["setAttributes"];
  addEvent: Span["addEvent"];
}

/** The shape of an OTel SDK `SpanProcessor` (`onEnding` is the SDK's hook for a span about to end). */
export interface SightlineSpanProcessor {
  onStart(span: ProcessedSpanLike, parentContext: Context): void;
  onEnding(span: ProcessedSpanLike): void;
  onEnd(span: GenAISpanLike): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Options of {@link createSightlineSpanProcessor}. */
export type SightlineSpanProcessorOptions = GenAISpanEnrichmentOptions;

/**
 * A span processor that gives GenAI model-call spans made by other instrumentations (the AI SDK's
 * `@ai-sdk/otel`, Anthropic's and Mistral's native spans, OTel contrib's OpenAI instrumentation,
 * OpenInference) Sightline's cost attributes and spend metric, drift feed and semconv metrics, read
 * from their semconv attributes while the span is ending (the SDK's `onEnding` hook, when it can still
 * take attributes). Roll-ups (`invoke_agent`, steps, workflows) and tool spans are never counted;
 * spans Sightline already recorded are left alone. When another tool's GenAI span for the same
 * call starts directly under a Sightline span, it is kept out of export (its sampled flag is
 * cleared), so each call is one span and one set of metrics. Never throws into the SDK.
 * @example
 * new NodeSDK({ spanProcessors: [createSightlineSpanProcessor(), new BatchSpanProcessor(exporter)] });
 */
export function createSightlineSpanProcessor(
  options: SightlineSpanProcessorOptions = {},
): SightlineSpanProcessor {
  const enrich = createGenAISpanEnricher(options);
  // Both sets hold spans only while something else holds them; nothing is kept per call.
  const twins = new WeakSet<object>();
  const ending = new WeakSet<object>();
  let warnedNoEnding = false;
  return {
    onStart(span, parentContext) {
      try {
        if (isTwinOfSightlineOperation(span, parentContext)) {
          const spanContext = span.spanContext() as { traceFlags: number };
          spanContext.traceFlags &= ~TraceFlags.SAMPLED;
          twins.add(span);
          const mark = getSightlineOperation(parentContext);
          if (mark) mark.foreignScope = span.instrumentationScope?.name ?? "";
        }
      } catch (error) {
        reportTelemetryError("looking at a starting span", error);
      }
    },
    onEnding(span) {
      try {
        ending.add(span);
        if (twins.has(span) || isRecordedBySightline(span)) return;
        const call = readForeignCall(span);
        if (!call) return;
        enrich({ call, writer: span as unknown as Span, scopeName: span.instrumentationScope?.name });
        span.setAttribute(ATTR_SIGHTLINE_RECORDED_BY, "@sightline/core");
      } catch (error) {
        reportTelemetryError("enriching a GenAI span", error);
      }
    },
    onEnd(span) {
      if (warnedNoEnding || ending.has(span) || twins.has(span)) return;
      try {
        if (!isRecordedBySightline(span) && readForeignCall(span)) {
          warnedNoEnding = true;
          diag.warn(
            "sightline: this OpenTelemetry SDK does not call SpanProcessor.onEnding, so other tools' GenAI spans cannot be priced here; wrap your exporter with createSightlineSpanExporter() instead",
          );
        }
      } catch (error) {
        reportTelemetryError("looking at an ended span", error);
      }
    },
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}

/**
 * True when `span` is another tool's GenAI CLIENT span for the very call a Sightline operation
 * (the direct parent) is recording: the same model call seen twice.
 */
function isTwinOfSightlineOperation(span: ProcessedSpanLike, parentContext: Context): boolean {
  const mark = getSightlineOperation(parentContext);
  if (!mark || mark.spanId === undefined) return false;
  if (span.kind !== SpanKind.CLIENT || isSightlineScope(span.instrumentationScope?.name)) return false;
  const operation = readOperationName(span.attributes ?? {});
  if (operation === undefined || !isSameKindOfCall(operation, mark.operation)) return false;
  return trace.getSpan(parentContext)?.spanContext().spanId === mark.spanId;
}
