import type { EvaluationInput, EvaluationResult, Evaluator } from "../types.js";

/**
 * Runs every evaluator on one answer. An evaluator that throws, rejects or returns something that is not a
 * result fails with `label: "error"` and the error in its explanation; the others still run.
 */
export async function evaluateAnswer(options: {
  evaluators: readonly Evaluator[];
  input: EvaluationInput;
  signal: AbortSignal;
}): Promise<EvaluationResult[]> {
  return Promise.all(
    options.evaluators.map(async (evaluator) => {
      try {
        const result = await evaluator.evaluate(options.input, { signal: options.signal });
        if (typeof result !== "object" || result === null || typeof result.passed !== "boolean") {
          return failedEvaluation(evaluator.name, "the evaluator returned no { passed } result");
        }
        return { ...result, name: evaluator.name };
      } catch (error) {
        return failedEvaluation(
          evaluator.name,
          `the evaluator threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
        );
      }
    }),
  );
}

/** The result every evaluator gets on a row that has no answer, or when it broke itself. */
export function failedEvaluation(name: string, explanation: string): EvaluationResult {
  return { name, passed: false, score: 0, label: "error", explanation };
}
