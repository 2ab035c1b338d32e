import {
  type Attributes,
  type Context,
  INVALID_SPAN_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { type GenAISpanHandle, type Instrumentation, reportTelemetryError } from "@sightline/core/provider";
import { ATTR_ERROR_TYPE } from "@sightline/core/semconv";

/**
 * Starts a plain INTERNAL span for a chain, graph or graph-node run (not a GenAI operation: no
 * `gen_ai.operation.name`), ended once by `end(error?)`. Telemetry failures are reported, never thrown.
 */
export function startRunSpan(options: {
  instrumentation: Instrumentation;
  name: string;
  parent: Context;
  attributes: Attributes;
}): GenAISpanHandle {
  const { parent } = options;
  try {
    const span = options.instrumentation.config.tracer.startSpan(
      options.name,
      { kind: SpanKind.INTERNAL, attributes: options.attributes },
      parent,
    );
    let ended = false;
    return {
      span,
      context: trace.setSpan(parent, span),
      end(error?: unknown) {
        if (ended) return;
        ended = true;
        try {
          if (error !== undefined) {
            span.setAttribute(ATTR_ERROR_TYPE, errorType(error));
            span.setStatus({ code: SpanStatusCode.ERROR });
          }
        } catch (recordError) {
          reportTelemetryError("ending a LangChain run span", recordError);
        }
        span.end();
      },
    };
  } catch (error) {
    reportTelemetryError("starting a LangChain run span", error);
    const span = trace.wrapSpanContext(trace.getSpanContext(parent) ?? INVALID_SPAN_CONTEXT);
    return { span, context: parent, end: () => {} };
  }
}

/** A low-cardinality `error.type`: the error's class name. */
export function errorType(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== "Error" ? error.name : error.constructor.name;
  return "_OTHER";
}
