import { type Attributes, type Span, SpanKind, trace } from "@opentelemetry/api";
import { type AgentCostTally, getAgentCostTally } from "../agents/agent-cost-tally.js";
import type { ResolvedConfig } from "../config/internal-types.js";
import { recordContentAttribute } from "../content/record-content-attribute.js";
import type { SightlineContext } from "../context/types.js";
import { getResolvedContext } from "../context/with-context.js";
import { getErrorInfo } from "../errors/get-error-info.js";
import { recordOperationError } from "../errors/record-operation-error.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { FinishedOperation } from "../finishers/types.js";
import { getAttachedMetricStore } from "../metrics/create-sightline-metric-producer.js";
import { FixedHistogram } from "../metrics/fixed-histogram.js";
import { recordFinishedOperationMetrics } from "../metrics/record-finished-operation-metrics.js";
import { recordChunkGaps } from "../metrics/record-operation-metrics.js";
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SIGHTLINE_RECORDED_BY,
  ATTR_SIGHTLINE_RESPONSE_READ,
  ATTR_SIGHTLINE_STREAM_CHUNKS,
  ATTR_SIGHTLINE_STREAM_OUTCOME,
  DURATION_BUCKETS,
} from "../semconv.js";
import { FOREIGN_METRIC_SCOPES } from "../stacking/create-genai-span-enricher.js";
import type { SightlineOperationMark } from "../stacking/sightline-operation-context.js";
import { buildRequestAttributes } from "./build-request-attributes.js";
import { buildResponseAttributes } from "./build-response-attributes.js";
import { getMetricAttributeSet, type MetricAttributeSet } from "./get-metric-attribute-set.js";
import { handOffEvaluation } from "./hand-off-evaluation.js";
import { OperationMark } from "./operation-mark.js";
import type { GenAIRequest, GenAIResponse, GenAITarget } from "./operation-shapes.js";
import { recordRequestContent } from "./record-request-content.js";
import { sampleEvaluation } from "./sample-evaluation.js";

/** How a stream ended, recorded as `sightline.stream.outcome`. */
export type StreamOutcome = "completed" | "cancelled" | "aborted" | "error" | "abandoned";

const now = (): number => performance.now();

/** Outside `withContext`: one shared, frozen empty context instead of a new object per call. */
const NO_CONTEXT: Readonly<SightlineContext> = Object.freeze({});

/** Chunk gaps kept per stream before they are recorded early (8 KB of numbers). */
export const MAX_BUFFERED_CHUNK_GAPS = 1024;

/** Where this stream's chunk gaps go, decided at its first gap rather than per chunk. */
enum ChunkTiming {
  Undecided = 0,
  /** Not recorded: metrics or the chunk timing metric are off, or another tool records them. */
  Off = 1,
  /** Folded into the operation's own histogram, merged into Sightline's aggregation at the end. */
  Aggregated = 2,
  /** Kept as values and recorded through the metrics API at the end (the app's own meter provider). */
  Buffered = 3,
}

/**
 * One GenAI operation: its span, its timing and its single end. Every path that can finish a
 * call (response parsed, error, stream done, consumer break, abort, abandonment) goes through
 * `finish`, which runs once; later calls are ignored, so a span can never end twice.
 */
export class Operation {
  readonly span: Span;
  /** `performance.now()` at start. */
  readonly startTime: number;
  /** `performance.now()` of the last thing that happened (for abandoned spans' end time). */
  lastActivity: number;
  firstChunkTime: number | undefined;
  chunkCount = 0;
  /**
   * Gaps between output chunks, in seconds, when they go through the metrics API: recorded as one
   * histogram sample each at the end, when the response model is known. Bounded: a long stream flushes
   * them early (see addOutputChunkGap).
   */
  readonly outputChunkGaps: number[] = [];
  /** Gaps between output chunks when Sightline aggregates its metrics itself: one fixed histogram per stream. */
  outputChunkHistogram: FixedHistogram | undefined;
  private chunkTiming: ChunkTiming = ChunkTiming.Undecided;
  /** `performance.now()` of the last output chunk; NaN before the first. */
  private lastOutputChunkTime = Number.NaN;
  private ended = false;
  /** Run once when the operation ends, to release what watches it (timers, listeners). */
  private endCallbacks: (() => void)[] | undefined;
  private statusCode: number | undefined;
  private readonly contextAttributes: Attributes | undefined;
  private readonly context: Readonly<SightlineContext>;
  private readonly captureContent: boolean;
  /** True when the evaluation hook sampled this call at its start: it is handed over after it ends. */
  readonly evaluated: boolean;
  /** The enclosing agent span's cost tally (see traceAgent), read where the call started. */
  private readonly agentCost: AgentCostTally | undefined;
  /** Redaction findings per kind across this span's content attributes. */
  private readonly redactionCounts: Record<string, number> = {};
  /**
   * True when this operation records onto another tool's open GenAI span for the same call instead
   * of a span of its own (see docs/stacking.md): that span is not ours to end.
   */
  readonly attached: boolean;
  /** Left in the call's context so nested Sightline code and the span processor see this call. */
  readonly mark: SightlineOperationMark;

  constructor(
    private readonly config: ResolvedConfig,
    readonly request: GenAIRequest,
    readonly target: GenAITarget,
    /**
     * Per-call overrides: guards can keep content off this span; `attachTo` is another tool's open
     * GenAI span for this same call, to record onto instead of starting a span; `startedAt` is the
     * `performance.now()` at which the call began, for a call recorded after it started.
     */
    overrides?: { captureContent?: boolean; attachTo?: Span; startedAt?: number },
  ) {
    const resolvedContext = getResolvedContext();
    this.contextAttributes = resolvedContext?.metricAttributes;
    this.context = resolvedContext?.values ?? NO_CONTEXT;
    this.agentCost = getAgentCostTally();
    this.captureContent = config.captureContent && overrides?.captureContent !== false;
    this.evaluated = config.evaluation ? sampleEvaluation(config, request, target, this.context) : false;
    const attributes = buildRequestAttributes({
      request,
      target,
      legacySystemAttribute: config.legacySystemAttribute,
    });
    if (resolvedContext) Object.assign(attributes, resolvedContext.spanAttributes);
    const attachTo = overrides?.attachTo;
    this.attached = attachTo !== undefined;
    if (attachTo) {
      this.span = attachTo;
      // The other tool's values stay; ours fill what it left out (e.g. `gen_ai.provider.name`).
      const existing = (attachTo as unknown as { attributes?: Attributes }).attributes ?? {};
      const missing: Attributes = { [ATTR_SIGHTLINE_RECORDED_BY]: config.scopeName };
      for (const [key, value] of Object.entries(attributes))
        if (existing[key] === undefined) missing[key] = value;
      attachTo.setAttributes(missing);
    } else {
      const name = request.model ? `${request.operation} ${request.model}` : request.operation;
      const startedAt = overrides?.startedAt;
      this.span = config.tracer.startSpan(name, {
        kind: SpanKind.CLIENT,
        attributes,
        startTime: startedAt === undefined ? undefined : performance.timeOrigin + startedAt,
      });
    }
    this.mark = new OperationMark(request.operation, this.span.spanContext().spanId);
    this.startTime = overrides?.startedAt ?? now();
    this.lastActivity = this.startTime;
    if (this.captureContent && request.content && this.span.isRecording())
      recordRequestContent({
        span: this.span,
        config: this.config,
        request,
        redactionCounts: this.redactionCounts,
      });
  }

  /**
   * False when the semconv client metrics of this call are another tool's to record: the span it
   * attached to, or a twin span the span processor kept out of export, comes from an instrumentation
   * that records them itself. Cost and drift are still Sightline's.
   */
  get recordsMetrics(): boolean {
    if (!this.config.metrics) return false;
    const foreignScope =
      this.mark.foreignScope ??
      (this.attached
        ? (this.span as unknown as { instrumentationScope?: { name?: string } }).instrumentationScope?.name
        : undefined);
    return foreignScope === undefined || !FOREIGN_METRIC_SCOPES.has(foreignScope);
  }

  /** Whether the stream accumulator keeps the answer's text: captured, or sampled for evaluation (in process only). */
  get keepsContent(): boolean {
    return this.captureContent || this.evaluated;
  }

  /** True once the span has ended. */
  get isEnded(): boolean {
    return this.ended;
  }

  /**
   * Marks an output chunk (text, reasoning, refusal or tool-call piece) arriving at `time` (`performance.now()`):
   * the gap since the previous one goes to `gen_ai.client.operation.time_per_output_chunk` (see addOutputChunkGap).
   */
  markOutputChunk(time: number): void {
    const previous = this.lastOutputChunkTime;
    this.lastOutputChunkTime = time;
    if (!Number.isNaN(previous)) this.addOutputChunkGap((time - previous) / 1000);
  }

  /**
   * Keeps one gap for `gen_ai.client.operation.time_per_output_chunk`. Past
   * MAX_BUFFERED_CHUNK_GAPS the buffer is recorded at once, without the response model (not known
   * before the end), so a stream of any length holds bounded memory.
   */
  private addOutputChunkGap(gapSeconds: number): void {
    let chunkTiming = this.chunkTiming;
    if (chunkTiming === ChunkTiming.Undecided) {
      chunkTiming = this.decideChunkTiming();
      this.chunkTiming = chunkTiming;
    }
    if (chunkTiming === ChunkTiming.Aggregated) {
      // Allocation-free per chunk: the histogram is made once, at the stream's first gap.
      let histogram = this.outputChunkHistogram;
      if (histogram === undefined) {
        histogram = new FixedHistogram(DURATION_BUCKETS);
        this.outputChunkHistogram = histogram;
      }
      histogram.record(gapSeconds);
      return;
    }
    if (chunkTiming === ChunkTiming.Off) return;
    this.outputChunkGaps.push(gapSeconds);
    if (this.outputChunkGaps.length < MAX_BUFFERED_CHUNK_GAPS) return;
    try {
      recordChunkGaps({
        config: this.config,
        gaps: this.outputChunkGaps,
        attributes: this.getMetricAttributeSet(undefined, undefined).attributes,
      });
    } catch (error) {
      reportTelemetryError("recording chunk timings", error);
    }
    this.outputChunkGaps.length = 0;
  }

  private decideChunkTiming(): ChunkTiming {
    if (!this.recordsMetrics || !this.config.chunkTimingMetric) return ChunkTiming.Off;
    return getAttachedMetricStore(this.config.getMeterProvider()) === undefined
      ? ChunkTiming.Buffered
      : ChunkTiming.Aggregated;
  }

  /**
   * Runs `callback` once when the operation ends (at once if it already has), so whatever watches
   * it (an abandonment timer, an abort listener) is released with the call instead of outliving it.
   */
  onEnd(callback: () => void): void {
    if (this.ended) {
      runEndCallback(callback);
      return;
    }
    if (this.endCallbacks === undefined) this.endCallbacks = [callback];
    else this.endCallbacks.push(callback);
  }

  /** Remembers the HTTP status of the response, for the span. */
  noteStatusCode(statusCode: number | undefined): void {
    if (typeof statusCode === "number") this.statusCode = statusCode;
    this.lastActivity = now();
  }

  /** Ends the operation successfully with `response`. */
  succeed(response: GenAIResponse): void {
    this.finish({ response });
  }

  /** Ends the operation with a provider or network error (the error itself is not changed). */
  fail(error: unknown, response?: GenAIResponse): void {
    this.finish({ response, error, failed: true });
  }

  /** Ends a stream's operation with how it ended and what the accumulator gathered. */
  endStream(outcome: StreamOutcome, response: GenAIResponse | undefined, error?: unknown): void {
    const endTime = outcome === "abandoned" ? this.lastActivity : undefined;
    this.finish({ response, error, failed: outcome === "error", outcome, endTime });
  }

  /** Ends an operation whose response nobody read, at the time the response arrived. */
  endUnread(): void {
    this.finish({ endTime: this.lastActivity, unread: true });
  }

  private finish(result: {
    response?: GenAIResponse;
    error?: unknown;
    failed?: boolean;
    outcome?: StreamOutcome;
    endTime?: number;
    unread?: boolean;
  }): void {
    if (this.ended) return;
    this.ended = true;
    const endCallbacks = this.endCallbacks;
    if (endCallbacks !== undefined) {
      this.endCallbacks = undefined;
      for (const callback of endCallbacks) runEndCallback(callback);
    }
    const endTime = result.endTime ?? now();
    // An attached span may have been ended by its owner first: what would go on it is dropped
    // (silently, rather than the SDK's warning per attribute), while metrics and cost still count.
    const span =
      this.attached && !this.span.isRecording() ? trace.wrapSpanContext(this.span.spanContext()) : this.span;
    let errorType: string | undefined;
    let metricAttributes: Attributes = {};
    try {
      const attributes: Attributes = result.response ? buildResponseAttributes(result.response) : {};
      if (this.firstChunkTime !== undefined) {
        attributes[ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK] = (this.firstChunkTime - this.startTime) / 1000;
      }
      if (result.outcome) {
        attributes[ATTR_SIGHTLINE_STREAM_OUTCOME] = result.outcome;
        attributes[ATTR_SIGHTLINE_STREAM_CHUNKS] = this.chunkCount;
      }
      if (result.unread) attributes[ATTR_SIGHTLINE_RESPONSE_READ] = false;
      if (this.statusCode !== undefined) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = this.statusCode;
      if (result.failed) {
        const info = getErrorInfo(result.error, this.config.mapError);
        errorType = info.type;
        attributes[ATTR_ERROR_TYPE] = errorType;
        if (info.statusCode !== undefined) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = info.statusCode;
        recordOperationError({ span, config: this.config, error: result.error });
      }
      span.setAttributes(attributes);
      if (this.captureContent && result.response?.outputMessages && span.isRecording()) {
        recordContentAttribute({
          span,
          config: this.config,
          attribute: ATTR_GEN_AI_OUTPUT_MESSAGES,
          build: result.response.outputMessages,
          redactionCounts: this.redactionCounts,
        });
      }
    } catch (error) {
      reportTelemetryError("recording the response", error);
    }
    const durationSeconds = (endTime - this.startTime) / 1000;
    const meterProvider = this.config.getMeterProvider();
    let metricSeriesKey: string | undefined;
    try {
      const metricAttributeSet = this.getMetricAttributeSet(result.response?.model, errorType);
      metricAttributes = metricAttributeSet.attributes;
      if (this.recordsMetrics) {
        metricSeriesKey = recordFinishedOperationMetrics({
          config: this.config,
          meterProvider,
          key: metricAttributeSet.key,
          operation: this,
          attributes: metricAttributes,
          durationSeconds,
          usage: result.response?.usage,
        });
      }
    } catch (error) {
      reportTelemetryError("recording metrics", error);
    }
    // One object for every finisher, so a later step (budgets) reads what an earlier one (cost) added.
    const finished: FinishedOperation = {
      request: this.request,
      target: this.target,
      response: result.response,
      errorType,
      durationSeconds,
      timeToFirstChunkSeconds:
        this.firstChunkTime === undefined ? undefined : (this.firstChunkTime - this.startTime) / 1000,
      span,
      metricAttributes,
      metricSeriesKey,
      meterProvider,
      context: this.context,
      agentCost: this.agentCost,
    };
    for (const finisher of this.config.onFinish) {
      try {
        finisher(finished);
      } catch (error) {
        reportTelemetryError("a finishing step", error);
      }
    }
    if (this.evaluated) handOffEvaluation({ config: this.config, finished });
    if (this.attached) return;
    try {
      span.end(result.endTime === undefined ? undefined : performance.timeOrigin + endTime);
    } catch (error) {
      reportTelemetryError("ending the span", error);
    }
  }

  /** Low-cardinality attributes for this operation's metrics (shared and frozen; see getMetricAttributeSet). */
  private getMetricAttributeSet(responseModel: unknown, errorType: string | undefined): MetricAttributeSet {
    return getMetricAttributeSet({
      request: this.request,
      target: this.target,
      responseModel,
      errorType,
      contextAttributes: this.contextAttributes,
    });
  }
}

function runEndCallback(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    reportTelemetryError("releasing a finished call", error);
  }
}
