import { diag, type MeterProvider } from "@opentelemetry/api";
import type { DriftMonitor, DriftObservation } from "@sightline/drift";
import { getCachedDriftStreamKey } from "./get-cached-drift-stream-key.js";
import { observeDriftScores } from "./observe-drift-scores.js";
import { observeDriftStreams } from "./observe-drift-streams.js";
import { readRefusal } from "./read-refusal.js";
import { recordDriftVerdict } from "./record-drift-verdict.js";
import type { DetectRefusal, FinishedOperation, OperationFinisher } from "./types.js";

/**
 * Feeds every finished operation to the drift monitor and turns its verdicts into span events on
 * the operation that crossed a threshold, plus a counter; the current scores are exported as a
 * gauge read at collection time. Streams are keyed by provider, requested model, operation and
 * feature; the response model and system fingerprint are observed identities of the stream. Refusals come from
 * the provider's own fields (`response.refusal`) with or without content capture; the text heuristic only adds
 * to them when the output text is already at hand (content capture on), so drift detection never makes content
 * leave the process.
 */
export function createDriftFinisher(options: {
  monitor: DriftMonitor;
  detectRefusal?: DetectRefusal;
  captureContent: boolean;
}): OperationFinisher {
  const watched = new WeakSet<MeterProvider>();
  return (operation: FinishedOperation) => {
    if (!watched.has(operation.meterProvider)) {
      watched.add(operation.meterProvider);
      observeDriftScores({ meterProvider: operation.meterProvider, monitor: options.monitor });
      observeDriftStreams({ meterProvider: operation.meterProvider, monitor: options.monitor });
    }
    const observation = toObservation(operation, options);
    if (!observation) return;
    const verdicts = options.monitor.observe(observation);
    for (const verdict of verdicts)
      recordDriftVerdict({ span: operation.span, meterProvider: operation.meterProvider, verdict });
    warnAtKeyBound(options.monitor);
  };
}

// Monitors whose key bound was already reported: one warning per monitor, not per call.
const warnedMonitors = new WeakSet<DriftMonitor>();

function warnAtKeyBound(monitor: DriftMonitor): void {
  if (warnedMonitors.has(monitor) || typeof monitor.stats !== "function") return;
  const stats = monitor.stats();
  if (stats.rolledUpCalls + stats.unmonitoredCalls === 0) return;
  warnedMonitors.add(monitor);
  diag.warn(
    `sightline: the drift monitor holds its maximum of ${stats.maxKeys} streams; calls of further ` +
      "features are now observed in their provider + model stream, and further models are not monitored. " +
      "Raise `maxKeys` of the drift monitor, or see the metrics sightline.gen_ai.drift.streams and " +
      "sightline.gen_ai.drift.rolled_up.",
  );
}

// Hoisted: a literal in the function would be a new RegExp object per call. No `g` flag, so `test` keeps no state.
const TOOL_CALL_FINISH = /tool|function/;

function toObservation(
  operation: FinishedOperation,
  options: { detectRefusal?: DetectRefusal; captureContent: boolean },
): DriftObservation | undefined {
  const key = getCachedDriftStreamKey(operation);
  if (!key) return undefined;
  const response = operation.response;
  const usage = response?.usage;
  const scalars: Record<string, number> = {};
  const categories: Record<string, string> = {};
  if (operation.errorType === undefined) {
    scalars.duration = operation.durationSeconds;
    if (usage?.outputTokens !== undefined) scalars.output_tokens = usage.outputTokens;
    if (usage?.inputTokens !== undefined) scalars.input_tokens = usage.inputTokens;
    if (usage?.inputTokens && usage.cacheReadInputTokens !== undefined) {
      scalars.cache_hit_ratio = usage.cacheReadInputTokens / usage.inputTokens;
    }
    if (operation.timeToFirstChunkSeconds !== undefined)
      scalars.time_to_first_chunk = operation.timeToFirstChunkSeconds;
    const finishReason = response?.finishReasons?.[0];
    if (finishReason) {
      categories.finish_reason = finishReason;
      categories.tool_call = TOOL_CALL_FINISH.test(finishReason) ? "yes" : "no";
    }
    const refusal = readRefusal(operation, options);
    if (refusal !== undefined) categories.refusal = refusal ? "yes" : "no";
  }
  categories.error_type = operation.errorType ?? "none";
  return {
    key,
    scalars,
    categories,
    identity: response?.model
      ? { responseModel: response.model, systemFingerprint: response.systemFingerprint }
      : undefined,
  };
}
