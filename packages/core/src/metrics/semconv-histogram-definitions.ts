import {
  DURATION_BUCKETS,
  METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
  METRIC_GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK,
  METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK,
  METRIC_GEN_AI_CLIENT_TOKEN_USAGE,
  TOKEN_BUCKETS,
} from "../semconv.js";

/** What defines one of the semconv client histograms, wherever it is aggregated. */
export interface HistogramDefinition {
  name: string;
  description: string;
  unit: string;
  boundaries: readonly number[];
}

/**
 * The four semconv v1.41 client histograms, in the order their instruments are created: the API
 * instruments (when the app brings its own meter provider) and Sightline's own aggregation (when
 * `init()` registered it) describe them from this one list, so both export the same names and buckets.
 */
export const SEMCONV_HISTOGRAMS = {
  duration: {
    name: METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
    description: "GenAI operation duration",
    unit: "s",
    boundaries: DURATION_BUCKETS,
  },
  tokenUsage: {
    name: METRIC_GEN_AI_CLIENT_TOKEN_USAGE,
    description: "Number of input and output tokens used",
    unit: "{token}",
    boundaries: TOKEN_BUCKETS,
  },
  timeToFirstChunk: {
    name: METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK,
    description: "Time to receive the first chunk of a streaming response",
    unit: "s",
    boundaries: DURATION_BUCKETS,
  },
  timePerOutputChunk: {
    name: METRIC_GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK,
    description: "Time between consecutive output chunks of a streaming response",
    unit: "s",
    boundaries: DURATION_BUCKETS,
  },
} as const satisfies Record<string, HistogramDefinition>;
