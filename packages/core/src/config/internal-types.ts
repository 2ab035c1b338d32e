import type { Attributes, MeterProvider, Span, Tracer } from "@opentelemetry/api";
import type { CostBreakdown } from "@sightline/pricing";
import type { AgentCostTally } from "../agents/agent-cost-tally.js";
import type {
  GenAIErrorInfo,
  GenAIRequest,
  GenAIResponse,
  GenAITarget,
} from "../operation/operation-shapes.js";
import type { Redactor } from "../redaction/types.js";
import type { CallGuard, RedactContent, SightlineContext } from "./types.js";

/** Options resolved once per wrapped client. */
export interface ResolvedConfig {
  tracer: Tracer;
  getMeterProvider: () => MeterProvider;
  scopeName: string;
  scopeVersion: string;
  captureContent: boolean;
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

/** What an operation hands to finishers (cost, drift, …) once it has ended. */
export interface FinishedOperation {
  request: GenAIRequest;
  target: GenAITarget;
  response?: GenAIResponse;
  errorType?: string;
  durationSeconds: number;
  timeToFirstChunkSeconds?: number;
  /** The operation's span, still open: finishers may add attributes and events. */
  span: Span;
  /** The attributes the operation's own metrics were recorded with. */
  metricAttributes: Attributes;
  meterProvider: MeterProvider;
  /** The `withContext` values active when the call started. */
  context: Readonly<SightlineContext>;
  /** The call's price, set by the cost finisher for later finishers (budgets); undefined when unpriced or off. */
  cost?: CostBreakdown;
  /** The enclosing agent span's cost tally, captured when the call started; the cost finisher adds to it. */
  agentCost?: AgentCostTally;
}

/** A step run after an operation's span attributes are set and before the span ends. */
export type OperationFinisher = (operation: FinishedOperation) => void;
