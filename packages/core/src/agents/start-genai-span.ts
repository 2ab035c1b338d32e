import { type Attributes, context, INVALID_SPAN_CONTEXT, type SpanKind, trace } from "@opentelemetry/api";
import type { ResolvedConfig } from "../config/internal-types.js";
import { recordContentAttribute } from "../content/record-content-attribute.js";
import { getResolvedContext } from "../context/with-context.js";
import { getErrorInfo } from "../errors/get-error-info.js";
import { recordOperationError } from "../errors/record-operation-error.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import { CORE_SCOPE_NAME } from "../metrics/create-core-instruments.js";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import { ATTR_ERROR_TYPE, ATTR_SIGHTLINE_COST_TOTAL } from "../semconv.js";
import { PACKAGE_VERSION } from "../version.js";
import { type AgentCostTally, createAgentCostTally } from "./agent-cost-tally.js";
import type { GenAISpanOptions, ToolSpanHandle } from "./types.js";

const CORE_SCOPE_VERSION = PACKAGE_VERSION;

/**
 * The one implementation behind agent and tool spans: starts the span under the parent context
 * (with `withContext` attributes), gives the context to run children in, and ends it once. An agent
 * span also carries a cost tally in its context, summed by the cost finisher of every model call
 * inside it and recorded as `sightline.cost.total` at its end. Telemetry failures are reported and
 * never thrown: a handle is always returned.
 */
export function startGenAISpan(options: {
  name: string;
  kind: SpanKind;
  attributes: Attributes;
  spanOptions: GenAISpanOptions;
  tallyCost: boolean;
  /** Content recorded at start when capture is on (a tool's arguments). */
  startContent?: { attribute: string; value: unknown };
  /** The attribute `setResult` records into (a tool's result). */
  resultAttribute?: string;
}): ToolSpanHandle & { config: ResolvedConfig | undefined } {
  const { spanOptions } = options;
  const parent = spanOptions.context ?? context.active();
  let config: ResolvedConfig | undefined;
  try {
    config = resolveConfig(spanOptions);
    const attributes: Attributes = { ...options.attributes };
    const resolvedContext = context.with(parent, getResolvedContext);
    if (resolvedContext) Object.assign(attributes, resolvedContext.spanAttributes);
    if (spanOptions.attributes) Object.assign(attributes, spanOptions.attributes);
    const span = config.tracer.startSpan(options.name, { kind: options.kind, attributes }, parent);
    const start = options.startContent;
    if (start && config.captureContent && start.value !== undefined && span.isRecording()) {
      recordJson({ config, span, attribute: start.attribute, value: start.value });
    }
    let spanContext = trace.setSpan(parent, span);
    let tally: AgentCostTally | undefined;
    if (options.tallyCost) {
      const created = createAgentCostTally(spanContext);
      tally = created.tally;
      spanContext = created.context;
    }
    const resolved = config;
    let ended = false;
    return {
      span,
      context: spanContext,
      config,
      setResult(result: unknown) {
        if (ended || !resolved.captureContent || result === undefined || !span.isRecording()) return;
        recordJson({ config: resolved, span, attribute: options.resultAttribute, value: result });
      },
      end(error?: unknown) {
        if (ended) return;
        ended = true;
        try {
          if (tally?.priced) span.setAttribute(ATTR_SIGHTLINE_COST_TOTAL, tally.total);
          if (error !== undefined) {
            span.setAttribute(ATTR_ERROR_TYPE, getErrorInfo(error, resolved.mapError).type);
            recordOperationError({ span, config: resolved, error });
          }
        } catch (recordError) {
          reportTelemetryError("ending an agent or tool span", recordError);
        }
        span.end();
      },
    } as ToolSpanHandle & { config: ResolvedConfig | undefined };
  } catch (error) {
    reportTelemetryError("starting an agent or tool span", error);
    const span = trace.wrapSpanContext(trace.getSpanContext(parent) ?? INVALID_SPAN_CONTEXT);
    return { span, context: parent, config, setResult: () => {}, end: () => {} };
  }
}

/** Records a JSON value as a content attribute (redacted, bounded), guarded. */
export function recordJson(options: {
  config: ResolvedConfig;
  span: ToolSpanHandle["span"];
  attribute: string | undefined;
  value: unknown;
}): void {
  if (options.attribute === undefined) return;
  try {
    recordContentAttribute({
      span: options.span,
      config: options.config,
      attribute: options.attribute,
      build: () => options.value,
    });
  } catch (error) {
    reportTelemetryError("capturing tool content", error);
  }
}

function resolveConfig(options: GenAISpanOptions): ResolvedConfig {
  if (options.instrumentation) return options.instrumentation.config as ResolvedConfig;
  return createInstrumentation({
    scopeName: CORE_SCOPE_NAME,
    scopeVersion: CORE_SCOPE_VERSION,
    options: {
      tracerProvider: options.tracerProvider,
      captureContent: options.captureContent,
      contentMaxBytes: options.contentMaxBytes,
      redaction: options.redaction,
      redactContent: options.redactContent,
      cost: false,
      drift: false,
    },
  }).config as ResolvedConfig;
}
