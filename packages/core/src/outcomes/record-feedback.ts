import { type Attributes, metrics } from "@opentelemetry/api";
import { getSightlineContext } from "../context/with-context.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import {
  ATTR_GEN_AI_EVALUATION_EXPLANATION,
  ATTR_GEN_AI_EVALUATION_NAME,
  ATTR_GEN_AI_EVALUATION_SCORE_LABEL,
  ATTR_GEN_AI_EVALUATION_SCORE_VALUE,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_SIGHTLINE_FEATURE,
} from "../semconv.js";
import { getOutcomeInstruments } from "./get-outcome-instruments.js";
import { startEvaluationSpan } from "./start-evaluation-span.js";
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

    const span = startEvaluationSpan({
      operation,
      relation: feedback.relation,
      tracerProvider: feedback.tracerProvider,
      spanAttributes: { ...attributes, ...metricAttributes },
      eventAttributes: attributes,
      caller: "recordFeedback",
    });
    span.end();
    if (score !== undefined) {
      const meterProvider = feedback.meterProvider ?? metrics.getMeterProvider();
      getOutcomeInstruments(meterProvider).feedbackScore.record(score, metricAttributes);
    }
  } catch (error) {
    reportTelemetryError("recording feedback", error);
  }
}
