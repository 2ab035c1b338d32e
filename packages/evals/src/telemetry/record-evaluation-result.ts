import {
  type EvaluationDriftFeed,
  type OperationReference,
  recordEvaluation,
  type SignalProviders,
} from "@sightline/core";
import type { EvaluationInput, EvaluationResult } from "../types.js";

/** Where and about what an evaluation result is recorded. */
export interface RecordEvaluationOptions extends SignalProviders {
  /** The evaluated call's model, provider, operation and feature (metric attributes). Default: none. */
  input?: Pick<EvaluationInput, "model" | "provider" | "operation" | "feature">;
  /** `gen_ai.response.id` of the evaluated answer. Default: none. */
  responseId?: string;
  /** `link` (default) or `child` of the evaluated operation's span. */
  relation?: "link" | "child";
  /** The evaluated call's drift stream (online evaluation passes the one core hands it). Default: none. */
  drift?: EvaluationDriftFeed;
}

/**
 * Records one evaluator's result in the semconv `gen_ai.evaluation.result` shape, linked to the evaluated
 * operation: a span context, a `traceparent` string, `{ traceId, spanId }`, or `undefined` for an answer that
 * no traced call produced. Adds the `sightline.gen_ai.evaluation.score` histogram and
 * `sightline.gen_ai.evaluation.results` counter (by evaluator, model, provider, operation, feature, pass/fail).
 * The explanation goes on the span only. Never throws.
 * @example
 * recordEvaluationResult(traceparent, await validJson().evaluate(input, { signal }), { input });
 */
export function recordEvaluationResult(
  operation: OperationReference | undefined,
  result: EvaluationResult,
  options: RecordEvaluationOptions = {},
): void {
  recordEvaluation(operation, {
    name: result.name,
    score: result.score,
    label: result.label,
    passed: result.passed,
    explanation: result.explanation,
    errorType: result.errorType,
    model: options.input?.model,
    provider: options.input?.provider,
    operationName: options.input?.operation,
    feature: options.input?.feature,
    responseId: options.responseId,
    relation: options.relation,
    drift: options.drift,
    tracerProvider: options.tracerProvider,
    meterProvider: options.meterProvider,
  });
}
