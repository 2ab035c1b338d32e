import { AggregationType, type ViewOptions } from "@opentelemetry/sdk-metrics";
import {
  DURATION_BUCKETS,
  METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
  METRIC_GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK,
  METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK,
  METRIC_GEN_AI_CLIENT_TOKEN_USAGE,
  TOKEN_BUCKETS,
} from "@sightline/core/semconv";

/**
 * Views that give the GenAI client histograms the semconv v1.41 bucket boundaries. Instruments already
 * advise them, but a view also wins over an SDK or backend default that ignores advice.
 * @example
 * new NodeSDK({ views: createSightlineViews(), ... });
 */
export function createSightlineViews(): ViewOptions[] {
  const histogram = (instrumentName: string, boundaries: readonly number[]): ViewOptions => ({
    instrumentName,
    aggregation: {
      type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM,
      options: { boundaries: [...boundaries] },
    },
  });
  return [
    histogram(METRIC_GEN_AI_CLIENT_OPERATION_DURATION, DURATION_BUCKETS),
    histogram(METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK, DURATION_BUCKETS),
    histogram(METRIC_GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK, DURATION_BUCKETS),
    histogram(METRIC_GEN_AI_CLIENT_TOKEN_USAGE, TOKEN_BUCKETS),
  ];
}
