import type { MeterProvider, TracerProvider } from "@opentelemetry/api";
import type { OperationEvaluation } from "@sightline/core";
import type { Evaluator } from "../types.js";

/** Sampling and budget of model-graded evaluators (`kind: "model-graded"`), on top of `sampleRate`. */
export interface ModelGradedOptions {
  /** Share of the sampled calls on which model-graded evaluators also run (0–1). Default: `1`. */
  sampleRate?: number;
  /**
   * Most USD model-graded evaluators may spend per hour (fixed windows from the first spend), from their
   * results' `costUsd` (the judge's priced calls). Once spent, model-graded evaluators are skipped until the next
   * window; evaluations already running may overshoot by at most `maxConcurrency` judge calls. Default: no limit.
   */
  maxCostUsdPerHour?: number;
  /** Most model-graded evaluations per hour, for judges whose cost is not priced. Default: no limit. */
  maxCallsPerHour?: number;
}

/** Options of {@link createOnlineEvaluation}. */
export interface OnlineEvaluationOptions {
  /** The evaluators run on each sampled call, in order. */
  evaluators: readonly Evaluator[];
  /** Share of calls evaluated (0–1), decided at each call's start. Default: `0.1`. */
  sampleRate?: number;
  /** Sampling and cost budget of the model-graded evaluators. Default: every sampled call, no budget. */
  modelGraded?: ModelGradedOptions;
  /** Calls evaluated at the same time. Default: `4`. */
  maxConcurrency?: number;
  /**
   * Sampled calls waiting for a free slot; a call arriving at a full queue is not evaluated and is counted in
   * `sightline.gen_ai.evaluation.dropped` (reported once through `diag`). Default: `100`.
   */
  maxQueue?: number;
  /** Milliseconds one evaluator may take before it fails with `errorType: "timeout"`. Default: `30000`. */
  timeoutMs?: number;
  /** Operations evaluated (`gen_ai.operation.name`). Default: `["chat", "text_completion", "generate_content"]`. */
  operations?: readonly string[];
  /** The random source of sampling, in [0, 1): inject a seeded one in tests. Default: `Math.random`. */
  random?: () => number;
  /** The clock of the hourly budget, in milliseconds. Default: `Date.now`. */
  now?: () => number;
  /** Where results are recorded. Default: the evaluated call's tracer provider. */
  tracerProvider?: TracerProvider;
  /** Where result and drop metrics are recorded. Default: the evaluated call's meter provider. */
  meterProvider?: MeterProvider;
  /** Feed scores to the evaluated call's drift stream (`eval.<name>.score`, `eval.<name>.passed`). Default: `true`. */
  drift?: boolean;
}

/** Counts since the online evaluation was created. */
export interface OnlineEvaluationStats {
  /** Calls sampled at their start. */
  sampled: number;
  /** Sampled calls handed over after they ended successfully. */
  received: number;
  /** Calls whose evaluation finished. */
  completed: number;
  /** Results recorded (one per evaluator run). */
  results: number;
  /** Calls not evaluated because the queue was full. */
  droppedQueueFull: number;
  /** Model-graded evaluations skipped because the budget was spent. */
  droppedBudget: number;
  /** Calls waiting. */
  queued: number;
  /** Calls being evaluated. */
  running: number;
  /** USD model-graded evaluators reported spending in the current budget window. */
  spentUsdThisHour: number;
}

/** The online evaluation hook: pass it as the `evaluation` option of any Sightline wrapper or integration. */
export interface OnlineEvaluation extends OperationEvaluation {
  /** Resolves once every queued and running evaluation has finished (for tests and graceful shutdown). */
  flush(): Promise<void>;
  /** Counts since creation. */
  stats(): OnlineEvaluationStats;
}
