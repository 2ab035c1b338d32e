import type { Attributes } from "@opentelemetry/api";
import type { ResolvedConfig } from "../config/internal-types.js";
import { isTokenCount } from "../operation/build-response-attributes.js";
import type { GenAIUsage } from "../operation/operation-shapes.js";
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_TOKEN_TYPE,
  GEN_AI_TOKEN_TYPE_INPUT,
  GEN_AI_TOKEN_TYPE_OUTPUT,
} from "../semconv.js";
import { getMetricInstruments, type MetricInstruments } from "./get-metric-instruments.js";

/** Records the semconv v1.41 client metrics of one finished operation. */
export function recordOperationMetrics(options: {
  config: ResolvedConfig;
  operation: { firstChunkTime: number | undefined; startTime: number; outputChunkGaps: number[] };
  attributes: Attributes;
  durationSeconds: number;
  usage: GenAIUsage | undefined;
}): void {
  const { config, operation, attributes, usage } = options;
  const instruments = getMetricInstruments({
    meterProvider: config.getMeterProvider(),
    scopeName: config.scopeName,
    scopeVersion: config.scopeVersion,
  });
  const withoutError = recordCallMetrics({
    instruments,
    attributes,
    durationSeconds: options.durationSeconds,
    usage,
    timeToFirstChunkSeconds:
      operation.firstChunkTime === undefined
        ? undefined
        : (operation.firstChunkTime - operation.startTime) / 1000,
  });
  if (config.chunkTimingMetric)
    recordChunkGaps({ config, gaps: operation.outputChunkGaps, attributes: withoutError });
}

/**
 * Records the per-call semconv client metrics (duration, token usage, time to first chunk) of one model
 * call, for Sightline's own operations and for other tools' spans it enriches alike. Returns the
 * attributes without `error.type`, which token usage and chunk timings do not carry in semconv.
 */
export function recordCallMetrics(options: {
  instruments: MetricInstruments;
  attributes: Attributes;
  durationSeconds: number;
  usage: GenAIUsage | undefined;
  timeToFirstChunkSeconds: number | undefined;
}): Attributes {
  const { instruments, attributes, usage } = options;
  instruments.duration.record(options.durationSeconds, attributes);
  let withoutError = attributes;
  if (attributes[ATTR_ERROR_TYPE] !== undefined) {
    withoutError = { ...attributes };
    delete withoutError[ATTR_ERROR_TYPE];
  }
  if (usage && isTokenCount(usage.inputTokens)) {
    instruments.tokenUsage.record(usage.inputTokens, {
      ...withoutError,
      [ATTR_GEN_AI_TOKEN_TYPE]: GEN_AI_TOKEN_TYPE_INPUT,
    });
  }
  if (usage && isTokenCount(usage.outputTokens)) {
    instruments.tokenUsage.record(usage.outputTokens, {
      ...withoutError,
      [ATTR_GEN_AI_TOKEN_TYPE]: GEN_AI_TOKEN_TYPE_OUTPUT,
    });
  }
  if (options.timeToFirstChunkSeconds !== undefined) {
    instruments.timeToFirstChunk.record(options.timeToFirstChunkSeconds, withoutError);
  }
  return withoutError;
}

/** Records chunk gaps as `gen_ai.client.operation.time_per_output_chunk` samples (no `error.type`). */
export function recordChunkGaps(options: {
  config: ResolvedConfig;
  gaps: readonly number[];
  attributes: Attributes;
}): void {
  if (options.gaps.length === 0) return;
  const { timePerOutputChunk } = getMetricInstruments({
    meterProvider: options.config.getMeterProvider(),
    scopeName: options.config.scopeName,
    scopeVersion: options.config.scopeVersion,
  });
  for (const gap of options.gaps) timePerOutputChunk.record(gap, options.attributes);
}
