import { type Attributes, context, diag, type Link, metrics, SpanKind, trace } from "@opentelemetry/api";
import { getSightlineContext } from "../context/with-context.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import { CORE_SCOPE_NAME } from "../metrics/create-core-instruments.js";
import {
  ATTR_GEN_AI_EVALUATION_EXPLANATION,
  ATTR_GEN_AI_EVALUATION_NAME,
  ATTR_GEN_AI_EVALUATION_SCORE_LABEL,
  ATTR_GEN_AI_EVALUATION_SCORE_VALUE,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_SIGHTLINE_FEATURE,
  EVENT_GEN_AI_EVALUATION_RESULT,
} from "../semconv.js";
import { getOutcomeInstruments } from "./get-outcome-instruments.js";
import { resolveOperationReference } from "./resolve-operation-reference.js";
import type { Feedback, OperationReference } from "./types.js";

const DEFAULT_EVALUATION_NAME = "user_feedback";

/**
 * Records feedback on an answer in the semconv `gen_ai.evaluation.result` shape. The operation's
 * span has ended by the time feedback arrives and a span cannot change after it ends, so the
 * result is a new span named `gen_ai.evaluation.result`, linked to the operation (or parented
 * under it with `relation: "child"`), carrying the evaluation attributes and the
 * `gen_ai.evaluation.result` event. The score also goes to the `sightline.gen_ai.feedback.score`
 * histogram with low-cardinality attributes only (name, label, feature). Never throws.
 * @example
 * recordFeedback(request.body.traceparent, { score: 1, label: "thumbs_up" });
 */
export function recordFeedback(operation: OperationReference, feedback: Feedback): void {
  try {
    const name = feedback.name ?? DEFAULT_EVALUATION_NAME;
    const attributes: Attributes = { [ATTR_GEN_AI_EVALUATION_NAME]: name };
    const score =
      typeof feedback.score === "number" && Number.isFinite(feedback.score) ? feedback.score : undefined;
    if (score !== undefined) attributes[ATTR_GEN_AI_EVALUATION_SCORE_VALUE] = score;
    if (feedback.label !== undefined) attributes[ATTR_GEN_AI_EVALUATION_SCORE_LABEL] = feedback.label;
    const metricAttributes: Attributes = { ...attributes };
    delete metricAttributes[ATTR_GEN_AI_EVALUATION_SCORE_VALUE];
    const feature = getSightlineContext().feature;
    if (feature !== undefined) metricAttributes[ATTR_SIGHTLINE_FEATURE] = feature;
    if (feedback.comment !== undefined) attributes[ATTR_GEN_AI_EVALUATION_EXPLANATION] = feedback.comment;
    if (feedback.responseId !== undefined) attributes[ATTR_GEN_AI_RESPONSE_ID] = feedback.responseId;

    const target = resolveOperationReference(operation);
    if (!target)
      diag.warn("sightline: recordFeedback got no valid span context or traceparent; recording it unlinked");
    const tracer = (feedback.tracerProvider ?? trace.getTracerProvider()).getTracer(CORE_SCOPE_NAME);
    const links: Link[] = target && feedback.relation !== "child" ? [{ context: target }] : [];
    const parent =
      target && feedback.relation === "child"
        ? trace.setSpanContext(context.active(), target)
        : context.active();
    const span = tracer.startSpan(
      EVENT_GEN_AI_EVALUATION_RESULT,
      { kind: SpanKind.INTERNAL, attributes: { ...attributes, ...metricAttributes }, links },
      parent,
    );
    span.addEvent(EVENT_GEN_AI_EVALUATION_RESULT, attributes);
    span.end();
    if (score !== undefined) {
      const meterProvider = feedback.meterProvider ?? metrics.getMeterProvider();
      getOutcomeInstruments(meterProvider).feedbackScore.record(score, metricAttributes);
    }
  } catch (error) {
    reportTelemetryError("recording feedback", error);
  }
}
