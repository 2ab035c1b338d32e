import {
  type Context,
  diag,
  type Span,
  type SpanContext,
  SpanKind,
  TraceFlags,
  trace,
} from "@opentelemetry/api";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import {
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_USAGE_COST,
  ATTR_SIGHTLINE_COST_MATCH,
  ATTR_SIGHTLINE_RECORDED_BY,
  ATTR_SIGHTLINE_ROLLUP,
} from "../semconv.js";
import { createGenAISpanEnricher, type GenAISpanEnrichmentOptions } from "./create-genai-span-enricher.js";
import {
  type GenAISpanLike,
  INFERENCE_OPERATION_NAMES,
  isRecordedBySightline,
  isSameKindOfCall,
  isSightlineScope,
  readForeignCall,
  readOperationName,
} from "./read-genai-span.js";
import { noteForeignModelSpanStarted, takeSightlineOperationStartedThisRun } from "./same-run-model-spans.js";
import { getSightlineOperation, type SightlineOperationMark } from "./sightline-operation-context.js";

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
  // These hold spans only while something else holds them; nothing is kept per call.
  const twins = new WeakSet<object>();
  const ending = new WeakSet<object>();
  /** Direct children of a Sightline operation that named no operation at start (OpenInference sets its attributes just after). */
  const undecided = new WeakMap<object, SightlineOperationMark>();
  let warnedNoEnding = false;
  const hide = (span: ProcessedSpanLike, mark: SightlineOperationMark) => {
    const spanContext = span.spanContext() as { traceFlags: number };
    spanContext.traceFlags &= ~TraceFlags.SAMPLED;
    twins.add(span);
    mark.foreignScope = span.instrumentationScope?.name ?? "";
  };
  return {
    onStart(span, parentContext) {
      try {
        markRollupParent(span, parentContext);
        const mark = findParentOperation(span, parentContext);
        if (!mark) {
          noteModelSpanOfAHook(span, hide);
          return;
        }
        const operation = readOperationName(span.attributes ?? {});
        if (operation === undefined) undecided.set(span, mark);
        else if (isSameKindOfCall(operation, mark.operation)) hide(span, mark);
      } catch (error) {
        reportTelemetryError("looking at a starting span", error);
      }
    },
    onEnding(span) {
      try {
        ending.add(span);
        const mark = undecided.get(span);
        if (mark) {
          undecided.delete(span);
          // The exporting processors read the sampled flag after this hook, so clearing it still keeps the span out.
          const operation = readOperationName(span.attributes ?? {});
          if (operation !== undefined && isSameKindOfCall(operation, mark.operation)) hide(span, mark);
        }
        if (twins.has(span)) return;
        if (isAttachedButUnpriced(span)) {
          // A wrapper attached to this span and counts the call, but the span is ending before the
          // wrapper finished (a stream its owner ends first): it gets the cost attributes here, nothing is counted.
          const attached = readForeignCall(span);
          if (attached) enrich({ call: attached, writer: span as unknown as Span, attributesOnly: true });
          return;
        }
        if (isRecordedBySightline(span)) return;
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
 * When `span` is a model call started directly under another tool's span that names a model call
 * of the same kind, that parent is a roll-up (the AI SDK's `embeddings` span for a whole
 * embed/embedMany, around one span per request): it is marked so nothing prices or counts it.
 */
function markRollupParent(span: ProcessedSpanLike, parentContext: Context): void {
  const operation = readOperationName(span.attributes ?? {});
  if (operation === undefined || !INFERENCE_OPERATION_NAMES.has(operation)) return;
  const parent = trace.getSpan(parentContext) as (Span & Partial<GenAISpanLike>) | undefined;
  if (!parent?.isRecording() || isSightlineScope(parent.instrumentationScope?.name)) return;
  const parentOperation = readOperationName(parent.attributes ?? {});
  if (parentOperation !== undefined && isSameKindOfCall(parentOperation, operation)) {
    parent.setAttribute(ATTR_SIGHTLINE_ROLLUP, true);
  }
}

/**
 * Another tool's model-call CLIENT span started outside any Sightline context: when a Sightline
 * hook started this call's span earlier in the same synchronous run, this span is its twin and is
 * hidden; otherwise it is left where a Sightline hook that runs next can record onto it
 * (see same-run-model-spans.ts).
 */
function noteModelSpanOfAHook(
  span: ProcessedSpanLike,
  hide: (span: ProcessedSpanLike, mark: SightlineOperationMark) => void,
): void {
  if (span.kind !== SpanKind.CLIENT || isSightlineScope(span.instrumentationScope?.name)) return;
  const attributes = span.attributes ?? {};
  const operation = readOperationName(attributes);
  if (operation === undefined || !INFERENCE_OPERATION_NAMES.has(operation)) return;
  const requested = attributes[ATTR_GEN_AI_REQUEST_MODEL];
  const model = typeof requested === "string" ? requested : undefined;
  const twinOf = takeSightlineOperationStartedThisRun(operation, model);
  if (twinOf) hide(span, twinOf);
  else noteForeignModelSpanStarted(span as unknown as Span, operation, model);
}

/** Another tool's span a Sightline wrapper attached to, ending before the wrapper wrote its cost. */
function isAttachedButUnpriced(span: GenAISpanLike): boolean {
  const attributes = span.attributes ?? {};
  const recordedBy = attributes[ATTR_SIGHTLINE_RECORDED_BY];
  return (
    typeof recordedBy === "string" &&
    recordedBy !== "@sightline/core" &&
    !isSightlineScope(span.instrumentationScope?.name) &&
    attributes[ATTR_GEN_AI_USAGE_COST] === undefined &&
    attributes[ATTR_SIGHTLINE_COST_MATCH] === undefined
  );
}

/**
 * The Sightline operation `span` starts directly under, when `span` is another tool's CLIENT or
 * INTERNAL span (OpenInference makes its model-call spans INTERNAL): if it turns out to be a model
 * call of the same kind, it is that operation's call seen a second time.
 */
function findParentOperation(
  span: ProcessedSpanLike,
  parentContext: Context,
): SightlineOperationMark | undefined {
  const mark = getSightlineOperation(parentContext);
  if (!mark || mark.spanId === undefined) return undefined;
  if (span.kind !== SpanKind.CLIENT && span.kind !== SpanKind.INTERNAL) return undefined;
  if (isSightlineScope(span.instrumentationScope?.name)) return undefined;
  return trace.getSpan(parentContext)?.spanContext().spanId === mark.spanId ? mark : undefined;
}
