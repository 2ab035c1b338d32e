import { type Attributes, metrics } from "@opentelemetry/api";
import type { EvaluationDriftFeed } from "../config/types.js";
import { getSightlineContext } from "../context/with-context.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_EVALUATION_EXPLANATION,
  ATTR_GEN_AI_EVALUATION_NAME,
  ATTR_GEN_AI_EVALUATION_SCORE_LABEL,
  ATTR_GEN_AI_EVALUATION_SCORE_VALUE,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_SIGHTLINE_EVALUATION_PASSED,
  ATTR_SIGHTLINE_FEATURE,
  DRIFT_SIGNAL_EVALUATION_PREFIX,
} from "../semconv.js";
import { getOutcomeInstruments } from "./get-outcome-instruments.js";
import { startEvaluationSpan } from "./start-evaluation-span.js";
import type { OperationReference, SignalProviders } from "./types.js";

/** One evaluator's result on one answer, as {@link recordEvaluation} records it. */
export interface EvaluationRecord extends SignalProviders {
  /** `gen_ai.evaluation.name`: the evaluator's name; a metric attribute, so keep it to a fixed set. */
  name: string;
  /** `gen_ai.evaluation.score.value`, 0 to 1 with 1 best for the score histogram. Default: none. */
  score?: number;
  /** `gen_ai.evaluation.score.label`, e.g. `pass`; on the span only. Default: none. */
  label?: string;
  /** Whether the answer passed (`sightline.evaluation.passed`, a metric attribute). Default: none. */
  passed?: boolean;
  /** `gen_ai.evaluation.explanation`: why, in a sentence; on the span only. Default: none. */
  explanation?: string;
  /** `error.type` when the evaluator itself failed (threw, timed out, got a malformed judge answer). Default: none. */
  errorType?: string;
  /** `gen_ai.request.model` of the evaluated call. Default: none. */
  model?: string;
  /** `gen_ai.provider.name` of the evaluated call. Default: none. */
  provider?: string;
  /** `gen_ai.operation.name` of the evaluated call. Default: none. */
  operationName?: string;
  /** `sightline.feature`. Default: the active `withContext` feature. */
  feature?: string;
  /** `gen_ai.response.id` of the evaluated answer, when known. Default: none. */
  responseId?: string;
  /** `link` (default): a new span linked to the operation. `child`: a span parented under it, in its trace. */
  relation?: "link" | "child";
  /** Feeds the score to the evaluated call's drift stream (online evaluation passes the one core gave it). Default: none. */
  drift?: EvaluationDriftFeed;
}

/**
 * Records an evaluation result in the semconv `gen_ai.evaluation.result` shape, as `recordFeedback` does for
 * user feedback: a span named `gen_ai.evaluation.result` linked to the evaluated operation (a span context, a
 * `traceparent`, `{ traceId, spanId }`, or none for an answer no traced call produced) with the event of that
 * name; the score goes to the `sightline.gen_ai.evaluation.score` histogram and the result to the
 * `sightline.gen_ai.evaluation.results` counter, by evaluator, model, provider, operation, feature, pass/fail
 * and `error.type` only. With `drift`, the score and pass are observed as `eval.<name>.score` and
 * `eval.<name>.passed` on the call's drift stream. Never throws.
 * @example
 * recordEvaluation(traceparent, { name: "valid_json", score: 1, passed: true, label: "pass", model: "gpt-4o" });
 */
export function recordEvaluation(operation: OperationReference | undefined, record: EvaluationRecord): void {
  try {
    const score =
      typeof record.score === "number" && Number.isFinite(record.score) ? record.score : undefined;
    const metricAttributes: Attributes = { [ATTR_GEN_AI_EVALUATION_NAME]: record.name };
    if (record.model !== undefined) metricAttributes[ATTR_GEN_AI_REQUEST_MODEL] = record.model;
    if (record.provider !== undefined) metricAttributes[ATTR_GEN_AI_PROVIDER_NAME] = record.provider;
    if (record.operationName !== undefined)
      metricAttributes[ATTR_GEN_AI_OPERATION_NAME] = record.operationName;
    const feature = record.feature ?? getSightlineContext().feature;
    if (feature !== undefined) metricAttributes[ATTR_SIGHTLINE_FEATURE] = feature;
    if (record.passed !== undefined) metricAttributes[ATTR_SIGHTLINE_EVALUATION_PASSED] = record.passed;
    if (record.errorType !== undefined) metricAttributes[ATTR_ERROR_TYPE] = record.errorType;

    const eventAttributes: Attributes = { [ATTR_GEN_AI_EVALUATION_NAME]: record.name };
    if (score !== undefined) eventAttributes[ATTR_GEN_AI_EVALUATION_SCORE_VALUE] = score;
    if (record.label !== undefined) eventAttributes[ATTR_GEN_AI_EVALUATION_SCORE_LABEL] = record.label;
    if (record.explanation !== undefined)
      eventAttributes[ATTR_GEN_AI_EVALUATION_EXPLANATION] = record.explanation;
    if (record.responseId !== undefined) eventAttributes[ATTR_GEN_AI_RESPONSE_ID] = record.responseId;
    if (record.errorType !== undefined) eventAttributes[ATTR_ERROR_TYPE] = record.errorType;

    const span = startEvaluationSpan({
      operation,
      relation: record.relation,
      tracerProvider: record.tracerProvider,
      spanAttributes: toSpanAttributes(metricAttributes, eventAttributes),
      eventAttributes,
      caller: "recordEvaluation",
      referenceOptional: true,
    });
    if (record.drift && score !== undefined) {
      const signal = `${DRIFT_SIGNAL_EVALUATION_PREFIX}${record.name}`;
      const scalars: Record<string, number> = { [`${signal}.score`]: score };
      if (record.passed !== undefined) scalars[`${signal}.passed`] = record.passed ? 1 : 0;
      record.drift.observe(scalars, span);
    }
    span.end();
    const instruments = getOutcomeInstruments(record.meterProvider ?? metrics.getMeterProvider());
    if (score !== undefined) instruments.evaluationScore.record(score, metricAttributes);
    instruments.evaluationResults.add(1, metricAttributes);
  } catch (error) {
    reportTelemetryError("recording an evaluation result", error);
  }
}

// The evaluated call's `gen_ai.operation.name` splits the metrics by operation, but on the evaluation span it
// would make the span read as a model call (`sightline dev` and backends count spans carrying it as calls).
function toSpanAttributes(metricAttributes: Attributes, eventAttributes: Attributes): Attributes {
  const spanAttributes: Attributes = { ...metricAttributes, ...eventAttributes };
  delete spanAttributes[ATTR_GEN_AI_OPERATION_NAME];
  return spanAttributes;
}
