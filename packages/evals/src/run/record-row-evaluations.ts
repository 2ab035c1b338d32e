import type { TracerProvider } from "@opentelemetry/api";
import { recordEvaluation } from "@sightline/core";
import type { EvaluationResult } from "../types.js";
import type { EvalModelCall } from "./types.js";

/**
 * Records a row's evaluation results with core's `recordEvaluation` (the `gen_ai.evaluation.result` span and
 * event, the evaluation score histogram and results counter), each span parented under the model-call span it
 * judges, as semconv asks of the evaluation result event, or under the row span when no model call was seen.
 */
export function recordRowEvaluations(options: {
  results: readonly EvaluationResult[];
  modelCall: EvalModelCall | undefined;
  rowSpan: { traceId: string; spanId: string } | undefined;
  tracerProvider: TracerProvider | undefined;
}): void {
  const { modelCall } = options;
  const operation = modelCall ? { traceId: modelCall.traceId, spanId: modelCall.spanId } : options.rowSpan;
  if (!operation) return;
  for (const result of options.results) {
    recordEvaluation(operation, {
      name: result.name,
      passed: result.passed,
      label: result.label ?? (result.passed ? "pass" : "fail"),
      relation: "child",
      ...(result.score !== undefined ? { score: result.score } : {}),
      ...(result.explanation !== undefined ? { explanation: result.explanation } : {}),
      ...(result.label === "error" ? { errorType: "evaluator_error" } : {}),
      ...(modelCall?.model !== undefined ? { model: modelCall.model } : {}),
      ...(modelCall?.provider !== undefined ? { provider: modelCall.provider } : {}),
      ...(modelCall ? { operationName: modelCall.operation } : {}),
      ...(options.tracerProvider ? { tracerProvider: options.tracerProvider } : {}),
    });
  }
}
