import {
  type Attributes,
  type Counter,
  context,
  diag,
  type MeterProvider,
  ROOT_CONTEXT,
} from "@opentelemetry/api";
import type { EvaluatedCall, EvaluationCandidate } from "@sightline/core";
import {
  ATTR_GEN_AI_EVALUATION_NAME,
  ATTR_SIGHTLINE_EVALUATION_DROP_REASON,
  METRIC_SIGHTLINE_GEN_AI_EVALUATION_DROPPED,
} from "@sightline/core/semconv";
import { runEvaluator } from "../run-evaluator.js";
import { recordEvaluationResult } from "../telemetry/record-evaluation-result.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "../version.js";
import { buildOnlineInput } from "./build-online-input.js";
import { createHourlyBudget } from "./create-hourly-budget.js";
import type { OnlineEvaluation, OnlineEvaluationOptions, OnlineEvaluationStats } from "./types.js";
import { validateOnlineOptions } from "./validate-online-options.js";

const DEFAULT_OPERATIONS = ["chat", "text_completion", "generate_content"];

/** Runs `task` in a later macrotask: after the caller's own continuation, never inside it. */
const schedule: (task: () => void) => void =
  typeof setImmediate === "function" ? (task) => setImmediate(task) : (task) => setTimeout(task, 0);

/**
 * Evaluates a sample of a wrapped client's calls after they return: pass the result as the `evaluation`
 * option of `observeOpenAI` (or any Sightline wrapper or integration). Sampling is decided at each call's
 * start; after the call ended, its content is queued and evaluated off the call path by at most
 * `maxConcurrency` evaluations at once, with at most `maxQueue` calls waiting (more are dropped and counted).
 * Each result is recorded as a `gen_ai.evaluation.result` span linked to the call, in the evaluation metrics,
 * and as drift signals on the call's stream. Model-graded evaluators are sampled again and kept within an
 * hourly budget. A failing evaluator becomes a failed result; nothing reaches the call.
 * @example
 * const evaluation = createOnlineEvaluation({ evaluators: [validJson(), noPII()], sampleRate: 0.2 });
 * const openai = observeOpenAI(new OpenAI(), { evaluation });
 */
export function createOnlineEvaluation(options: OnlineEvaluationOptions): OnlineEvaluation {
  validateOnlineOptions(options);
  const evaluators = [...options.evaluators];
  const sampleRate = options.sampleRate ?? 0.1;
  const modelGradedRate = options.modelGraded?.sampleRate ?? 1;
  const maxConcurrency = options.maxConcurrency ?? 4;
  const maxQueue = options.maxQueue ?? 100;
  const operations = new Set(options.operations ?? DEFAULT_OPERATIONS);
  const random = options.random ?? Math.random;
  const feedDrift = options.drift !== false;
  const budget = createHourlyBudget({
    maxCostUsdPerHour: options.modelGraded?.maxCostUsdPerHour,
    maxCallsPerHour: options.modelGraded?.maxCallsPerHour,
    now: options.now ?? Date.now,
  });
  const hasModelGraded = evaluators.some((evaluator) => evaluator.kind === "model-graded");
  const queue: EvaluatedCall[] = [];
  const idleWaiters: (() => void)[] = [];
  const counts = {
    sampled: 0,
    received: 0,
    completed: 0,
    results: 0,
    droppedQueueFull: 0,
    droppedBudget: 0,
  };
  let running = 0;
  let pumpScheduled = false;
  const warned = { queueFull: false, budget: false, unpriced: false };

  const dropCounters = new WeakMap<MeterProvider, Counter>();
  const countDrop = (meterProvider: MeterProvider, attributes: Attributes): void => {
    try {
      let counter = dropCounters.get(meterProvider);
      if (!counter) {
        counter = meterProvider
          .getMeter(PACKAGE_NAME, PACKAGE_VERSION)
          .createCounter(METRIC_SIGHTLINE_GEN_AI_EVALUATION_DROPPED, {
            unit: "{evaluation}",
            description: "Online evaluations not run: queue full or model-graded budget spent",
          });
        dropCounters.set(meterProvider, counter);
      }
      counter.add(1, attributes);
    } catch (error) {
      diag.error("sightline: counting a dropped evaluation failed", error);
    }
  };

  const evaluateCall = async (call: EvaluatedCall): Promise<void> => {
    const input = buildOnlineInput(call);
    const meterProvider = options.meterProvider ?? call.meterProvider;
    const tracerProvider = options.tracerProvider ?? call.tracerProvider;
    const runModelGraded = hasModelGraded && random() < modelGradedRate;
    for (const evaluator of evaluators) {
      if (evaluator.kind === "model-graded") {
        if (!runModelGraded) continue;
        if (!budget.take()) {
          counts.droppedBudget += 1;
          countDrop(meterProvider, {
            [ATTR_SIGHTLINE_EVALUATION_DROP_REASON]: "budget",
            [ATTR_GEN_AI_EVALUATION_NAME]: evaluator.name,
          });
          if (!warned.budget) {
            warned.budget = true;
            diag.warn(
              "sightline: the online evaluation budget of model-graded evaluators is spent; they are skipped until " +
                "the next hour (counted in sightline.gen_ai.evaluation.dropped)",
            );
          }
          continue;
        }
      }
      const result = await runEvaluator(evaluator, input, { timeoutMs: options.timeoutMs });
      if (evaluator.kind === "model-graded") {
        if (result.costUsd !== undefined) budget.spend(result.costUsd);
        else if (
          options.modelGraded?.maxCostUsdPerHour !== undefined &&
          !warned.unpriced &&
          !result.errorType
        ) {
          warned.unpriced = true;
          diag.warn(
            `sightline: the model-graded evaluator "${evaluator.name}" reported no cost, so maxCostUsdPerHour cannot ` +
              "limit it: call the judge through a Sightline-wrapped client with a priced model and a context manager " +
              "registered, or set modelGraded.maxCallsPerHour",
          );
        }
      }
      recordEvaluationResult(call.spanContext, result, {
        input,
        responseId: call.response.id,
        drift: feedDrift ? call.drift : undefined,
        tracerProvider,
        meterProvider,
      });
      counts.results += 1;
    }
  };

  const pump = (): void => {
    pumpScheduled = false;
    while (running < maxConcurrency && queue.length > 0) {
      const call = queue.shift() as EvaluatedCall;
      running += 1;
      // The root context: judge calls made by evaluators are their own traces, not part of (and not
      // suppressed as a nested call of) the finished call whose context this was scheduled from.
      context
        .with(ROOT_CONTEXT, () => evaluateCall(call))
        .catch((error: unknown) => diag.error("sightline: an online evaluation failed", error))
        .finally(() => {
          running -= 1;
          counts.completed += 1;
          if (queue.length > 0) pump();
          else if (running === 0) for (const resolve of idleWaiters.splice(0)) resolve();
        });
    }
  };

  return {
    sample(candidate: EvaluationCandidate): boolean {
      if (!operations.has(candidate.request.operation)) return false;
      if (sampleRate <= 0 || random() >= sampleRate) return false;
      counts.sampled += 1;
      return true;
    },
    evaluate(call: EvaluatedCall): void {
      counts.received += 1;
      if (queue.length >= maxQueue) {
        counts.droppedQueueFull += 1;
        countDrop(options.meterProvider ?? call.meterProvider, {
          [ATTR_SIGHTLINE_EVALUATION_DROP_REASON]: "queue_full",
        });
        if (!warned.queueFull) {
          warned.queueFull = true;
          diag.warn(
            `sightline: the online evaluation queue is full (maxQueue ${maxQueue}); further sampled calls are ` +
              "not evaluated while it is (counted in sightline.gen_ai.evaluation.dropped). Lower sampleRate or " +
              "raise maxConcurrency.",
          );
        }
        return;
      }
      queue.push(call);
      if (!pumpScheduled) {
        pumpScheduled = true;
        schedule(pump);
      }
    },
    flush(): Promise<void> {
      if (queue.length === 0 && running === 0 && !pumpScheduled) return Promise.resolve();
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
      });
    },
    stats(): OnlineEvaluationStats {
      return { ...counts, queued: queue.length, running, spentUsdThisHour: budget.spent() };
    },
  };
}
