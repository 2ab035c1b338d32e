import { type Attributes, diag, type MeterProvider } from "@opentelemetry/api";
import type { DriftMonitor, DriftObservation, DriftVerdict } from "@sightline/drift";
import { getExtraInstruments } from "../metrics/get-extra-instruments.js";
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_SIGHTLINE_DRIFT_DETECTOR,
  ATTR_SIGHTLINE_DRIFT_DIRECTION,
  ATTR_SIGHTLINE_DRIFT_KIND,
  ATTR_SIGHTLINE_DRIFT_NEXT,
  ATTR_SIGHTLINE_DRIFT_PREVIOUS,
  ATTR_SIGHTLINE_DRIFT_SCORE,
  ATTR_SIGHTLINE_DRIFT_SIGNAL,
  ATTR_SIGHTLINE_DRIFT_STATISTIC,
  ATTR_SIGHTLINE_DRIFT_THRESHOLD,
  ATTR_SIGHTLINE_FEATURE,
  ATTR_SIGHTLINE_MODEL_FAMILY,
  EVENT_SIGHTLINE_DRIFT,
  EVENT_SIGHTLINE_MODEL_CHANGE,
} from "../semconv.js";
import { getModelFamily } from "./get-model-family.js";
import { observeDriftScores } from "./observe-drift-scores.js";
import { observeDriftStreams } from "./observe-drift-streams.js";
import { readRefusal } from "./read-refusal.js";
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
    for (const verdict of verdicts) recordVerdict(operation, verdict);
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

function toObservation(
  operation: FinishedOperation,
  options: { detectRefusal?: DetectRefusal; captureContent: boolean },
): DriftObservation | undefined {
  const response = operation.response;
  const responseModel = response?.model ?? operation.request.model;
  if (!responseModel) return undefined;
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
      categories.tool_call = /tool|function/.test(finishReason) ? "yes" : "no";
    }
    const refusal = readRefusal(operation, options);
    if (refusal !== undefined) categories.refusal = refusal ? "yes" : "no";
  }
  categories.error_type = operation.errorType ?? "none";
  const feature = operation.metricAttributes[ATTR_SIGHTLINE_FEATURE];
  return {
    key: {
      provider: operation.target.provider,
      // Keyed by what the caller asked for: what answered is observed within the stream, so a gateway that
      // serves another model for the same request is a model change, not a fresh stream with a new baseline.
      model: operation.request.model || getModelFamily(responseModel),
      operation: operation.request.operation,
      ...(typeof feature === "string" ? { feature } : {}),
    },
    scalars,
    categories,
    identity: response?.model
      ? { responseModel: response.model, systemFingerprint: response.systemFingerprint }
      : undefined,
  };
}

function recordVerdict(operation: FinishedOperation, verdict: DriftVerdict): void {
  const base: Attributes = {
    [ATTR_SIGHTLINE_DRIFT_SIGNAL]: verdict.signal,
    [ATTR_SIGHTLINE_DRIFT_DETECTOR]: verdict.detector,
  };
  if (verdict.kind === "model_change") {
    operation.span.addEvent(EVENT_SIGHTLINE_MODEL_CHANGE, {
      ...base,
      ...(verdict.previous !== undefined ? { [ATTR_SIGHTLINE_DRIFT_PREVIOUS]: verdict.previous } : {}),
      ...(verdict.next !== undefined ? { [ATTR_SIGHTLINE_DRIFT_NEXT]: verdict.next } : {}),
    });
  } else {
    operation.span.addEvent(EVENT_SIGHTLINE_DRIFT, {
      ...base,
      [ATTR_SIGHTLINE_DRIFT_STATISTIC]: verdict.statistic,
      [ATTR_SIGHTLINE_DRIFT_THRESHOLD]: verdict.threshold,
      [ATTR_SIGHTLINE_DRIFT_SCORE]: verdict.score,
      ...(verdict.direction ? { [ATTR_SIGHTLINE_DRIFT_DIRECTION]: verdict.direction } : {}),
      ...summaryAttributes("reference", verdict.reference),
      ...summaryAttributes("current", verdict.current),
    });
  }
  getExtraInstruments(operation.meterProvider).driftEvents.add(1, {
    [ATTR_GEN_AI_PROVIDER_NAME]: verdict.key.provider,
    [ATTR_GEN_AI_OPERATION_NAME]: verdict.key.operation,
    [ATTR_SIGHTLINE_MODEL_FAMILY]: verdict.key.model,
    ...(verdict.key.feature ? { [ATTR_SIGHTLINE_FEATURE]: verdict.key.feature } : {}),
    [ATTR_SIGHTLINE_DRIFT_KIND]: verdict.kind,
    ...base,
  });
}

function summaryAttributes(prefix: string, summary: DriftVerdict["reference"]): Attributes {
  const attributes: Attributes = { [`sightline.drift.${prefix}.count`]: summary.count };
  if (summary.mean !== undefined) attributes[`sightline.drift.${prefix}.mean`] = summary.mean;
  if (summary.std !== undefined) attributes[`sightline.drift.${prefix}.std`] = summary.std;
  if (summary.distribution)
    attributes[`sightline.drift.${prefix}.distribution`] = JSON.stringify(summary.distribution);
  return attributes;
}
