import {
  type Attributes,
  context,
  diag,
  type Link,
  type Span,
  SpanKind,
  type TracerProvider,
  trace,
} from "@opentelemetry/api";
import { CORE_SCOPE_NAME } from "../metrics/create-core-instruments.js";
import { EVENT_GEN_AI_EVALUATION_RESULT } from "../semconv.js";
import { resolveOperationReference } from "./resolve-operation-reference.js";
import type { OperationReference } from "./types.js";

/**
 * Starts the span an evaluation result is recorded on: named `gen_ai.evaluation.result`, linked to the
 * evaluated operation (or parented under it with `relation: "child"`), carrying `spanAttributes` and the
 * `gen_ai.evaluation.result` event with `eventAttributes`. The operation's own span has ended by then and
 * cannot change, hence a span of its own. The caller ends it (after adding what it learns, e.g. drift events).
 */
export function startEvaluationSpan(options: {
  operation: OperationReference | undefined;
  relation: "link" | "child" | undefined;
  tracerProvider: TracerProvider | undefined;
  spanAttributes: Attributes;
  eventAttributes: Attributes;
  /** Names the caller in the warning about an unusable reference, e.g. `recordFeedback`. */
  caller: string;
  /** No warning when no reference was given at all (a dataset run with no traced call). */
  referenceOptional?: boolean;
}): Span {
  const target = resolveOperationReference(options.operation);
  if (!target && !(options.referenceOptional && options.operation === undefined))
    diag.warn(`sightline: ${options.caller} got no valid span context or traceparent; recording it unlinked`);
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(CORE_SCOPE_NAME);
  const links: Link[] = target && options.relation !== "child" ? [{ context: target }] : [];
  const parent =
    target && options.relation === "child"
      ? trace.setSpanContext(context.active(), target)
      : context.active();
  const span = tracer.startSpan(
    EVENT_GEN_AI_EVALUATION_RESULT,
    { kind: SpanKind.INTERNAL, attributes: options.spanAttributes, links },
    parent,
  );
  span.addEvent(EVENT_GEN_AI_EVALUATION_RESULT, options.eventAttributes);
  return span;
}
