/**
 * @sightline/evals: evaluators for LLM answers, in the same telemetry as the calls they judge.
 * @packageDocumentation
 */

export { compareRuns } from "./compare/compare-runs.js";
export type {
  CompareRunsOptions,
  EvalComparison,
  EvaluatorComparison,
  EvaluatorSideSummary,
  EvaluatorVerdict,
  MeanInterval,
  RegressedRow,
  RunCostSummary,
  WilcoxonResult,
} from "./compare/types.js";
export {
  createEvaluationInput,
  type EvaluationInputParts,
  readOutputText,
} from "./create-evaluation-input.js";
export { convertRowInput, toChatMessages } from "./dataset/convert-row-input.js";
export { parseEvalDataset } from "./dataset/parse-eval-dataset.js";
export type {
  EvalChatMessage,
  EvalDatasetParseResult,
  EvalDatasetProblem,
  EvalRow,
} from "./dataset/types.js";
export type { JudgePrompt } from "./evaluators/build-judge-prompt.js";
export { type ContainsOptions, contains } from "./evaluators/contains.js";
export {
  type EmbeddingSimilarityOptions,
  embeddingSimilarity,
} from "./evaluators/embedding-similarity.js";
export { type EqualsOptions, equals } from "./evaluators/equals.js";
export { type LengthBounds, lengthWithin } from "./evaluators/length-within.js";
export { type LlmJudgeOptions, llmJudge } from "./evaluators/llm-judge.js";
export { matchesJsonSchema } from "./evaluators/matches-json-schema.js";
export { matchesPattern } from "./evaluators/matches-pattern.js";
export { noPII } from "./evaluators/no-pii.js";
export { noSecrets } from "./evaluators/no-secrets.js";
export { notRefusal } from "./evaluators/not-refusal.js";
export type { JudgeScale } from "./evaluators/parse-judge-answer.js";
export { validJson } from "./evaluators/valid-json.js";
export { type ValidToolCallsOptions, validToolCalls } from "./evaluators/valid-tool-calls.js";
export type { JsonSchema, SchemaViolation } from "./json-schema/types.js";
export { validateJsonSchema } from "./json-schema/validate-json-schema.js";
export { createOnlineEvaluation } from "./online/create-online-evaluation.js";
export type {
  ModelGradedOptions,
  OnlineEvaluation,
  OnlineEvaluationOptions,
  OnlineEvaluationStats,
} from "./online/types.js";
export { renderHtmlReport } from "./report/render-html-report.js";
export { renderMarkdownReport } from "./report/render-markdown-report.js";
export type { EvalReportInput } from "./report/types.js";
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
export { type RunEvaluatorOptions, runEvaluator } from "./run-evaluator.js";
export {
  type RecordEvaluationOptions,
  recordEvaluationResult,
} from "./telemetry/record-evaluation-result.js";
export type { EvaluationInput, EvaluationResult, Evaluator, EvaluatorKind } from "./types.js";
export { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";
