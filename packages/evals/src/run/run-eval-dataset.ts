import { context, SpanStatusCode, TraceFlags, trace } from "@opentelemetry/api";
import type { OutputMessage } from "@sightline/core/provider";
import {
  ATTR_SIGHTLINE_EVAL_DATASET,
  ATTR_SIGHTLINE_EVAL_ROW_ATTEMPTS,
  ATTR_SIGHTLINE_EVAL_ROW_COUNT,
  ATTR_SIGHTLINE_EVAL_ROW_ID,
  ATTR_SIGHTLINE_EVAL_ROW_PASSED,
  ATTR_SIGHTLINE_EVAL_ROW_PASSED_COUNT,
  ATTR_SIGHTLINE_EVAL_TARGET,
  SPAN_SIGHTLINE_EVAL_ROW,
  SPAN_SIGHTLINE_EVAL_RUN,
} from "@sightline/core/semconv";
import { createEvaluationInput, readOutputText } from "../create-evaluation-input.js";
import { convertRowInput } from "../dataset/convert-row-input.js";
import type { EvalRow } from "../dataset/types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "../version.js";
import { evaluateAnswer, failedEvaluation } from "./evaluate-answer.js";
import { getRetryDelayMs, isRetryableError } from "./is-retryable-error.js";
import { recordRowEvaluations } from "./record-row-evaluations.js";
import { createRowTelemetry, ROW_TELEMETRY_KEY, waitForOpenSpans } from "./row-telemetry.js";
import type { EvalRowResult, EvalRun, EvalTargetOutput, RunEvalDatasetOptions } from "./types.js";

/** How long a row waits for its model-call spans to end after the call settled. */
const SPAN_SETTLE_TIMEOUT_MS = 2000;

/**
 * Runs a dataset against one target: every row inside a `sightline.eval.row` span (under one
 * `sightline.eval.run` span), the target's model-call spans as its children, at most `concurrency` rows at
 * once, retrying retryable errors with backoff; then scores each answer with every evaluator and records the
 * results as `gen_ai.evaluation.result` spans linked to the model call. Cost and latency per row are read from
 * the model-call spans when `createEvalSpanProcessor()` is in the tracer provider. A row whose call still
 * fails counts as failed by every evaluator (its error is kept). Rejects with the signal's reason when aborted.
 * @example
 * const run = await runEvalDataset({
 *   rows,
 *   target: { name: "gpt-4o-mini", call: (row) => answer("gpt-4o-mini", row) },
 *   evaluators: [equals()],
 * });
 */
export async function runEvalDataset(options: RunEvalDatasetOptions): Promise<EvalRun> {
  const { rows, target, evaluators } = options;
  const names = evaluators.map((evaluator) => evaluator.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw new TypeError(`runEvalDataset: two evaluators are named "${duplicate}"; give each a unique name`);
  }
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const retries = Math.max(0, Math.floor(options.retries ?? 2));
  const signal = options.signal ?? new AbortController().signal;
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(
    PACKAGE_NAME,
    PACKAGE_VERSION,
  );
  const results: EvalRowResult[] = new Array(rows.length);
  let completed = 0;
  let failed = 0;

  return tracer.startActiveSpan(
    SPAN_SIGHTLINE_EVAL_RUN,
    {
      attributes: {
        [ATTR_SIGHTLINE_EVAL_TARGET]: target.name,
        [ATTR_SIGHTLINE_EVAL_ROW_COUNT]: rows.length,
        ...(options.dataset !== undefined ? { [ATTR_SIGHTLINE_EVAL_DATASET]: options.dataset } : {}),
      },
    },
    async (runSpan) => {
      try {
        let next = 0;
        const worker = async () => {
          while (!signal.aborted) {
            const index = next;
            next += 1;
            const row = rows[index];
            if (row === undefined) return;
            const result = await runRow(row);
            results[index] = result;
            completed += 1;
            if (!result.passed) failed += 1;
            try {
              options.onProgress?.({
                target: target.name,
                completed,
                total: rows.length,
                failed,
                row: result,
              });
            } catch {
              // A progress display must not stop the run.
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
        if (signal.aborted) throw signal.reason ?? new Error("aborted");
        runSpan.setAttribute(ATTR_SIGHTLINE_EVAL_ROW_PASSED_COUNT, rows.length - failed);
        const runTraceId = runSpan.spanContext().traceId;
        return {
          target: target.name,
          ...(options.dataset !== undefined ? { dataset: options.dataset } : {}),
          evaluators: names,
          rows: results,
          ...(runSpan.isRecording() ? { traceId: runTraceId } : {}),
        };
      } catch (error) {
        runSpan.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      } finally {
        runSpan.end();
      }
    },
  );

  function runRow(row: EvalRow): Promise<EvalRowResult> {
    return tracer.startActiveSpan(
      SPAN_SIGHTLINE_EVAL_ROW,
      { attributes: { [ATTR_SIGHTLINE_EVAL_TARGET]: target.name, [ATTR_SIGHTLINE_EVAL_ROW_ID]: row.id } },
      async (rowSpan) => {
        try {
          const sampled = (rowSpan.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;
          let costUsd: number | undefined;
          let attempt = 0;
          let answer: { output: EvalTargetOutput; wallMs: number } | undefined;
          let lastError: unknown;
          let telemetry = createRowTelemetry(sampled);
          while (attempt <= retries && !signal.aborted) {
            attempt += 1;
            telemetry = createRowTelemetry(sampled);
            const attemptContext = context.active().setValue(ROW_TELEMETRY_KEY, telemetry);
            const started = performance.now();
            try {
              const output = await context.with(attemptContext, () =>
                Promise.resolve(target.call(row, { signal, attempt })),
              );
              answer = {
                output: typeof output === "string" ? { output } : output,
                wallMs: performance.now() - started,
              };
            } catch (error) {
              lastError = error;
            }
            await waitForOpenSpans(telemetry, SPAN_SETTLE_TIMEOUT_MS);
            for (const call of telemetry.modelCalls) {
              if (call.costUsd !== undefined) costUsd = (costUsd ?? 0) + call.costUsd;
            }
            if (answer || attempt > retries || signal.aborted) break;
            if (!(options.isRetryable ?? isRetryableError)(lastError)) break;
            await sleep((options.retryDelayMs ?? getRetryDelayMs)(attempt + 1, lastError), signal);
          }
          const modelCalls = telemetry.modelCalls;
          const spanLatency = modelCalls.reduce((sum, call) => sum + (call.durationMs ?? 0), 0);
          const hasSpanLatency = modelCalls.some((call) => call.durationMs !== undefined);
          const base = {
            rowId: row.id,
            attempts: attempt,
            modelCalls,
            ...(costUsd !== undefined ? { costUsd } : {}),
            latencyMs: hasSpanLatency ? spanLatency : (answer?.wallMs ?? 0),
            latencySource: hasSpanLatency ? ("model-call-spans" as const) : ("wall-clock" as const),
            ...(rowSpan.isRecording() ? { traceId: rowSpan.spanContext().traceId } : {}),
          };
          rowSpan.setAttribute(ATTR_SIGHTLINE_EVAL_ROW_ATTEMPTS, attempt);
          let result: EvalRowResult;
          if (!answer) {
            const error = describeError(lastError ?? signal.reason);
            rowSpan.recordException(lastError instanceof Error ? lastError : error.message);
            rowSpan.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
            const evaluations = evaluators.map((evaluator) =>
              failedEvaluation(evaluator.name, `no answer: ${error.type}: ${error.message}`),
            );
            result = { ...base, outputText: "", evaluations, passed: false, error };
          } else {
            const output = normalizeOutput(answer.output.output);
            const lastCall = modelCalls.at(-1);
            const evaluations = await evaluateAnswer({
              evaluators,
              signal,
              input: createEvaluationInput({
                input: convertRowInput(row.input),
                output,
                expected: row.expected,
                systemInstructions: answer.output.systemInstructions,
                toolDefinitions: answer.output.toolDefinitions,
                model: answer.output.model ?? lastCall?.model,
                provider: lastCall?.provider,
                operation: lastCall?.operation,
              }),
            });
            recordRowEvaluations({
              results: evaluations,
              modelCall: lastCall,
              rowSpan: rowSpan.isRecording() ? rowSpan.spanContext() : undefined,
              tracerProvider: options.tracerProvider,
            });
            result = {
              ...base,
              outputText: readOutputText(output),
              evaluations,
              passed: evaluations.every((evaluation) => evaluation.passed),
            };
          }
          rowSpan.setAttribute(ATTR_SIGHTLINE_EVAL_ROW_PASSED, result.passed);
          return result;
        } finally {
          rowSpan.end();
        }
      },
    );
  }
}

function normalizeOutput(output: EvalTargetOutput["output"]): OutputMessage[] {
  if (typeof output === "string") {
    return [{ role: "assistant", parts: [{ type: "text", content: output }], finish_reason: "stop" }];
  }
  return [...output];
}

function describeError(error: unknown): { type: string; message: string } {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return {
      type: typeof status === "number" ? `${error.name} (${status})` : error.name,
      message: error.message,
    };
  }
  return { type: "Error", message: String(error) };
}

function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  if (milliseconds <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
