import type { Attributes, MeterProvider, Span } from "@opentelemetry/api";
import type { CostBreakdown } from "@sightline/pricing";
import type { AgentCostTally } from "../agents/agent-cost-tally.js";
import type { SightlineContext } from "../context/types.js";
import type { GenAIRequest, GenAIResponse, GenAITarget } from "../operation/operation-shapes.js";

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
  /** The key of `metricAttributes` in Sightline's own metric aggregation, when it recorded there. */
  metricSeriesKey?: string;
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

/** Decides whether an answer is a refusal; the drift finisher feeds its rate to the monitor. */
export type DetectRefusal = (text: string) => boolean;
