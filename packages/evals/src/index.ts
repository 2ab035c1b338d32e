/**
 * @sightline/evals: evaluators for LLM answers, in the same telemetry as the calls they judge.
 * @packageDocumentation
 */
export type { EvaluationInput, EvaluationResult, Evaluator, EvaluatorKind } from "./types.js";
export { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";
// Dataset runs and baseline/candidate comparison (`sightline eval`).
export { convertRowInput, toChatMessages } from "./dataset/convert-row-input.js";
export { parseEvalDataset } from "./dataset/parse-eval-dataset.js";
export type {
  EvalChatMessage,
  EvalDatasetParseResult,
  EvalDatasetProblem,
  EvalRow,
} from "./dataset/types.js";
export {
  createEvalSpanProcessor,
  type EvalProcessedSpan,
  type EvalSpanProcessor,
} from "./run/create-eval-span-processor.js";
export { getRetryDelayMs, isRetryableError } from "./run/is-retryable-error.js";
export { runEvalDataset } from "./run/run-eval-dataset.js";
export type {
  EvalModelCall,
  EvalProgress,
  EvalRowResult,
  EvalRun,
  EvalTarget,
  EvalTargetOutput,
  RunEvalDatasetOptions,
} from "./run/types.js";
