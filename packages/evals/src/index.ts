/**
 * @sightline/evals: evaluators for LLM answers, in the same telemetry as the calls they judge.
 * @packageDocumentation
 */
export type { EvaluationInput, EvaluationResult, Evaluator, EvaluatorKind } from "./types.js";
export { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";
