import type { Histogram, MeterProvider } from "@opentelemetry/api";
import {
  DURATION_BUCKETS,
  METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
  METRIC_GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK,
  METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK,
  METRIC_GEN_AI_CLIENT_TOKEN_USAGE,
  SEMCONV_SCHEMA_URL,
  TOKEN_BUCKETS,
} from "../semconv.js";

/** The instruments every operation records into. */
export interface MetricInstruments {
  duration: Histogram;
  tokenUsage: Histogram;
  timeToFirstChunk: Histogram;
  timePerOutputChunk: Histogram;
}

const cache = new WeakMap<MeterProvider, Map<string, MetricInstruments>>();

/**
 * Instruments for a meter provider and instrumentation scope, created once per pair. Looked up per call rather than
 * at wrap time because the metrics API has no proxy: a meter taken before the app registers its
 * provider would stay a no-op forever.
 */
export function getMetricInstruments(options: {
  meterProvider: MeterProvider;
  scopeName: string;
  scopeVersion: string;
}): MetricInstruments {
  let byScope = cache.get(options.meterProvider);
  if (!byScope) {
    byScope = new Map();
    cache.set(options.meterProvider, byScope);
  }
  // Keyed by scope too, so each provider package's metrics carry its own instrumentation scope.
  const cached = byScope.get(options.scopeName);
  if (cached) return cached;
  const meter = options.meterProvider.getMeter(options.scopeName, options.scopeVersion, {
    schemaUrl: SEMCONV_SCHEMA_URL,
  });
  const durationAdvice = { explicitBucketBoundaries: [...DURATION_BUCKETS] };
  const instruments: MetricInstruments = {
    duration: meter.createHistogram(METRIC_GEN_AI_CLIENT_OPERATION_DURATION, {
      description: "GenAI operation duration",
      unit: "s",
      advice: durationAdvice,
    }),
    tokenUsage: meter.createHistogram(METRIC_GEN_AI_CLIENT_TOKEN_USAGE, {
      description: "Number of input and output tokens used",
      unit: "{token}",
      advice: { explicitBucketBoundaries: [...TOKEN_BUCKETS] },
    }),
    timeToFirstChunk: meter.createHistogram(METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK, {
      description: "Time to receive the first chunk of a streaming response",
      unit: "s",
      advice: durationAdvice,
    }),
    timePerOutputChunk: meter.createHistogram(METRIC_GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK, {
      description: "Time between consecutive output chunks of a streaming response",
      unit: "s",
      advice: durationAdvice,
    }),
  };
  byScope.set(options.scopeName, instruments);
  return instruments;
}
