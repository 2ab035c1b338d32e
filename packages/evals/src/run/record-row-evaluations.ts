import type { TracerProvider } from "@opentelemetry/api";
import { recordEvaluationResult } from "../telemetry/record-evaluation-result.js";
import type { EvaluationResult } from "../types.js";
import type { EvalModelCall } from "./types.js";

/**
 * Records a row's evaluation results with `recordEvaluationResult` (the `gen_ai.evaluation.result` span and
 * event, the evaluation score histogram and results counter), each span parented under the model-call span it
 * judges, as semconv asks of the evaluation result event, or under the row span when no model call was seen.
 * The operation name is left out: on the result's span it would make trace viewers count it as a model call.
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
    recordEvaluationResult(
      operation,
      { ...result, label: result.label ?? (result.passed ? "pass" : "fail") },
      {
        relation: "child",
        ...(modelCall
          ? {
              input: {
                ...(modelCall.model !== undefined ? { model: modelCall.model } : {}),
                ...(modelCall.provider !== undefined ? { provider: modelCall.provider } : {}),
              },
            }
          : {}),
        ...(options.tracerProvider ? { tracerProvider: options.tracerProvider } : {}),
      },
    );
  }
}
