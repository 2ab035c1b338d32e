import { createEvaluationInput, type EvaluationInputParts } from "../create-evaluation-input.js";
import type { EvaluationResult, Evaluator } from "../types.js";

/** Runs one evaluator on an input built from `parts`, as the runner would. */
export async function runEvaluator(
  evaluator: Evaluator,
  parts: EvaluationInputParts,
): Promise<EvaluationResult> {
  return evaluator.evaluate(createEvaluationInput(parts), { signal: new AbortController().signal });
}

/** Asserts the shape every built-in result has. */
export function expectWellFormed(result: EvaluationResult): void {
  if (typeof result.score !== "number" || result.score < 0 || result.score > 1)
    throw new Error(`score out of [0,1]: ${result.score}`);
  if (typeof result.label !== "string" || result.label.length === 0) throw new Error("no label");
  if (typeof result.explanation !== "string" || !/[.!]$/.test(result.explanation))
    throw new Error(`explanation is not a sentence: ${result.explanation}`);
}
