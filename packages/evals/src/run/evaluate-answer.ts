import { runEvaluator } from "../run-evaluator.js";
import type { EvaluationInput, EvaluationResult, Evaluator } from "../types.js";

/**
 * Runs every evaluator on one answer through `runEvaluator`, the same guard online evaluation uses: an evaluator
 * that throws, times out or returns something that is not a result fails with `label: "error"` and its
 * `errorType`; the others still run.
 */
export function evaluateAnswer(options: {
  evaluators: readonly Evaluator[];
  input: EvaluationInput;
  signal: AbortSignal;
  timeoutMs?: number;
}): Promise<EvaluationResult[]> {
  return Promise.all(
    options.evaluators.map((evaluator) =>
      runEvaluator(evaluator, options.input, {
        signal: options.signal,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      }),
    ),
  );
}

/** The result every evaluator gets on a row that has no answer (its call failed after retries). */
export function failedEvaluation(name: string, explanation: string): EvaluationResult {
  return { name, passed: false, score: 0, label: "error", errorType: "no_answer", explanation };
}
