import type { TracerProvider } from "@opentelemetry/api";
import { recordFeedback } from "@sightline/core";
import type { EvaluationResult } from "../types.js";

/**
 * Records a row's evaluation results as `gen_ai.evaluation.result` spans parented under the model-call span they
 * judge (as semconv asks of the evaluation result event), or under the row span when no model call was seen.
 */
export function recordRowEvaluations(options: {
  results: readonly EvaluationResult[];
  operation: { traceId: string; spanId: string } | undefined;
  tracerProvider: TracerProvider | undefined;
}): void {
  if (!options.operation) return;
  for (const result of options.results) {
    recordFeedback(options.operation, {
      name: result.name,
      ...(result.score !== undefined ? { score: result.score } : {}),
      label: result.label ?? (result.passed ? "pass" : "fail"),
      relation: "child",
      ...(result.explanation !== undefined ? { comment: result.explanation } : {}),
      ...(options.tracerProvider ? { tracerProvider: options.tracerProvider } : {}),
    });
  }
}
