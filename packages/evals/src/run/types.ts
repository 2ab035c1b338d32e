import type { TracerProvider } from "@opentelemetry/api";
import type { MessagePart, OutputMessage, ToolDefinition } from "@sightline/core/provider";
import type { EvalRow } from "../dataset/types.js";
import type { EvaluationResult, Evaluator } from "../types.js";

/** What a target's `call` returns: the answer, plus what evaluators may want to know about the request. */
export interface EvalTargetOutput {
  /** The answer: its text, or semconv output messages (one per choice). */
  output: string | readonly OutputMessage[];
  /** The request's system instructions, for evaluators that read them. Default: none. */
  systemInstructions?: readonly MessagePart[];
  /** The tools the request declared, for `validToolCalls()`. Default: none. */
  toolDefinitions?: readonly ToolDefinition[];
  /** The model asked for, shown in reports. Default: the model of the last model-call span. */
  model?: string;
}

/**
 * A configuration to evaluate (a model, a prompt, a pipeline): a name and a function that answers one row,
 * typically through a client wrapped with Sightline (`observeOpenAI(new OpenAI(...))`), so its model-call
 * spans land under the row's span and their cost and latency are read from them.
 */
export interface EvalTarget {
  /** Unique among the targets compared, e.g. `baseline` or `gpt-4.1-mini`. */
  name: string;
  /** Answers one row. A string is taken as the answer text. Throwing fails the row (after retries). */
  call(
    row: EvalRow,
    options: { signal: AbortSignal; attempt: number },
  ): Promise<EvalTargetOutput | string> | EvalTargetOutput | string;
}

/** A model-call span seen under a row (read by the span processor from `createEvalSpanProcessor`). */
export interface EvalModelCall {
  /** Trace and span id of the model-call span, which evaluation results link to. */
  traceId: string;
  spanId: string;
  /** `gen_ai.operation.name`, e.g. `chat`. */
  operation: string;
  /** `gen_ai.provider.name`, e.g. `openai`. */
  provider?: string;
  /** `gen_ai.request.model` (or the response model when the request named none). */
  model?: string;
  /** `gen_ai.usage.cost` in USD, when the call was priced. */
  costUsd?: number;
  /** The span's duration in milliseconds. */
  durationMs?: number;
  /** `gen_ai.usage.input_tokens` / `output_tokens`. */
  inputTokens?: number;
  outputTokens?: number;
}

/** One row's result against one target. */
export interface EvalRowResult {
  /** The row's id. */
  rowId: string;
  /** The answer's text (empty when the row failed). */
  outputText: string;
  /** One result per evaluator, in evaluator order; every evaluator fails when the row errored. */
  evaluations: EvaluationResult[];
  /** True when every evaluator passed. */
  passed: boolean;
  /** Why the row failed after its last attempt (the target threw), when it did. */
  error?: { type: string; message: string };
  /** Attempts made (1 without retries). */
  attempts: number;
  /** Model-call spans of the answering attempt (and their cost over every attempt in `costUsd`). */
  modelCalls: EvalModelCall[];
  /** USD spent on the row's model calls over all attempts; undefined when none was priced or seen. */
  costUsd?: number;
  /** Sum of the answering attempt's model-call span durations; the attempt's wall time when no span was seen. */
  latencyMs: number;
  /** Where `latencyMs` comes from. */
  latencySource: "model-call-spans" | "wall-clock";
  /** The row span's trace id, when tracing is on. */
  traceId?: string;
}

/** A whole run of a dataset against one target. */
export interface EvalRun {
  /** The target's name. */
  target: string;
  /** The dataset's name, when given. */
  dataset?: string;
  /** Evaluator names, in order. */
  evaluators: string[];
  /** One result per row, in dataset order. */
  rows: EvalRowResult[];
  /** The run span's trace id, when tracing is on. */
  traceId?: string;
}

/** Progress after each finished row. */
export interface EvalProgress {
  /** The target running. */
  target: string;
  /** Rows finished so far. */
  completed: number;
  /** Rows in the run. */
  total: number;
  /** Rows so far that did not pass every evaluator (errors included). */
  failed: number;
  /** The row just finished. */
  row: EvalRowResult;
}

/** Options of {@link runEvalDataset}. */
export interface RunEvalDatasetOptions {
  /** The rows, e.g. from `parseEvalDataset`. */
  rows: readonly EvalRow[];
  /** The configuration to run them against. */
  target: EvalTarget;
  /** Evaluators scoring every answer; names must be unique. */
  evaluators: readonly Evaluator[];
  /** Rows in flight at once. Default `4`. */
  concurrency?: number;
  /** Extra attempts for a row whose call fails with a retryable error (429, 408, 409, 5xx, connection errors). Default `2`. */
  retries?: number;
  /**
   * Milliseconds to wait before retry `attempt` (2, 3, …). Default: the error's `retry-after` header when it has
   * one (at most 30 s), else exponential backoff 500 ms · 2^(attempt − 2) with jitter, at most 8 s.
   */
  retryDelayMs?: (attempt: number, error: unknown) => number;
  /** Which errors are worth another attempt. Default: see `retries`. */
  isRetryable?: (error: unknown) => boolean;
  /** Stops the run: no new rows start, calls in flight get the signal, and the run rejects with its reason. */
  signal?: AbortSignal;
  /** Called after each row. Errors it throws are ignored. */
  onProgress?: (progress: EvalProgress) => void;
  /** The dataset's name, on the run span and in reports. Default: none. */
  dataset?: string;
  /** Tracer provider for the run, row and evaluation spans. Default: the global one. */
  tracerProvider?: TracerProvider;
}
