import type { InputMessage, MessagePart, OutputMessage, ToolDefinition } from "@sightline/core/provider";

/**
 * What an evaluator looks at: one call's request and answer in the semconv message shape, plus what a
 * dataset row expects of it. Online, the content comes from the wrapped client's own mapping of the call
 * (used in process, exported only when content capture is on); offline (`sightline eval`), from the dataset
 * run.
 */
export interface EvaluationInput {
  /** The request's messages. */
  input: readonly InputMessage[];
  /** The request's system instructions, when it had any. */
  systemInstructions?: readonly MessagePart[];
  /** The tools the request declared, for tool-call validity. */
  toolDefinitions?: readonly ToolDefinition[];
  /** The answer's messages (one per choice). */
  output: readonly OutputMessage[];
  /** The first choice's text parts joined: what most evaluators read. */
  outputText: string;
  /** What the dataset row expects (a reference answer, a value, a schema …); undefined online. */
  expected?: unknown;
  /** The requested model. */
  model?: string;
  /** `gen_ai.provider.name` of the evaluated call. */
  provider?: string;
  /** `gen_ai.operation.name` of the evaluated call. */
  operation?: string;
  /** The `withContext` feature of the evaluated call. */
  feature?: string;
}

/** One evaluator's verdict on one answer, in the semconv `gen_ai.evaluation.result` terms. */
export interface EvaluationResult {
  /** `gen_ai.evaluation.name`: the evaluator's name. */
  name: string;
  /** `gen_ai.evaluation.score.value`, in [0, 1] for the built-ins (1 is best). */
  score?: number;
  /** `gen_ai.evaluation.score.label`, e.g. `pass` / `fail`, `relevant`. */
  label?: string;
  /** Whether the answer passes this evaluator (the pass counter and the CLI's pass rate). */
  passed: boolean;
  /** `gen_ai.evaluation.explanation`: why, in a sentence. */
  explanation?: string;
  /** What a model-graded evaluator spent on its own calls, in USD, when priced. */
  costUsd?: number;
  /** `error.type` when the evaluation itself failed (the evaluator threw or timed out, the judge answered nonsense). */
  errorType?: string;
}

/** Where an evaluator runs, which decides how online sampling budgets it. */
export type EvaluatorKind = "deterministic" | "model-graded";

/** An evaluator: a name and a function from one call to a result. */
export interface Evaluator {
  /** Unique within a run; becomes `gen_ai.evaluation.name`. */
  readonly name: string;
  /** `model-graded` evaluators call a model and count against the online cost budget. */
  readonly kind: EvaluatorKind;
  /**
   * Scores one answer. May be async; a thrown error or rejected promise is recorded as a failed evaluation
   * with `error.type`, never passed to the evaluated call.
   */
  evaluate(
    input: EvaluationInput,
    options: { signal: AbortSignal },
  ): EvaluationResult | Promise<EvaluationResult>;
}
