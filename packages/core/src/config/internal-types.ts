import type { MeterProvider, Tracer, TracerProvider } from "@opentelemetry/api";
import type { DriftMonitor } from "@sightline/drift";
import type { OperationFinisher } from "../finishers/types.js";
import type { MetricScope } from "../metrics/sightline-metric-store.js";
import type { GenAIErrorInfo } from "../operation/operation-shapes.js";
import type { Redactor } from "../redaction/types.js";
import type { CallGuard, OperationEvaluation, RedactContent } from "./types.js";

/** Options resolved once per wrapped client. */
export interface ResolvedConfig {
  tracer: Tracer;
  /** The tracer provider `tracer` comes from (evaluation results are recorded into it). */
  tracerProvider: TracerProvider;
  getMeterProvider: () => MeterProvider;
  scopeName: string;
  scopeVersion: string;
  /** The scope (with the semconv schema URL) Sightline's own metric aggregation records under; built once. */
  metricScope?: MetricScope;
  captureContent: boolean;
  /**
   * Whether providers map content and stream accumulators keep text: true when content is captured or an
   * evaluation hook may ask for it (`Operation.keepsContent` says it per call).
   */
  keepContent: boolean;
  /** The online evaluation hook, when one is attached. */
  evaluation?: OperationEvaluation;
  /** The drift monitor the drift finisher feeds; undefined when drift is off (evaluation scores then skip drift). */
  driftMonitor?: DriftMonitor;
  contentMaxBytes: number;
  redactContent?: RedactContent;
  /** Built-in and user redaction rules, run on what `redactContent` returns; undefined when off. */
  redactor?: Redactor;
  /**
   * The redactor error text goes through (status message, exception event), with content capture on
   * or off; undefined only when the user turned redaction off. Built on first use.
   */
  getErrorRedactor: () => Redactor | undefined;
  metrics: boolean;
  chunkTimingMetric: boolean;
  legacySystemAttribute: boolean;
  abandonedAfterMs: number;
  mapError?: (error: unknown) => GenAIErrorInfo | undefined;
  onFinish: OperationFinisher[];
  /** Guards run before each call is sent (budgets, policies). */
  beforeCall: CallGuard[];
}
