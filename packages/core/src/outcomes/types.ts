import type { MeterProvider, SpanContext, TracerProvider } from "@opentelemetry/api";

/**
 * The operation a signal is about: its span context, a W3C `traceparent` string
 * (`00-<trace id>-<span id>-<flags>`, e.g. sent to your frontend with the answer), or just trace
 * and span ids.
 */
export type OperationReference = SpanContext | string | { traceId: string; spanId: string };

/** Where signals are recorded. */
export interface SignalProviders {
  /** Tracer provider. Default: the global one. */
  tracerProvider?: TracerProvider;
  /** Meter provider. Default: the global one. */
  meterProvider?: MeterProvider;
}

/** A user's or evaluator's judgement of one answer, recorded in the `gen_ai.evaluation.result` shape. */
export interface Feedback extends SignalProviders {
  /** `gen_ai.evaluation.score.value`, e.g. 1 for thumbs up and 0 for down, or a 1–5 rating. */
  score?: number;
  /** `gen_ai.evaluation.score.label`, e.g. `"thumbs_up"`; keep to a small set, it is a metric attribute. */
  label?: string;
  /** `gen_ai.evaluation.explanation`: free text; on the span only, never on metrics. Redact it first if users type it. */
  comment?: string;
  /** `gen_ai.evaluation.name`, the evaluation's name. Default: `"user_feedback"`. */
  name?: string;
  /** `gen_ai.response.id` of the answer, when you have it: backends can join on it. */
  responseId?: string;
  /** `link` (default): a new span linked to the operation, in the current trace if there is one. `child`: a span parented under the operation, in its trace. */
  relation?: "link" | "child";
}

/** A business outcome of an AI interaction. */
export interface Outcome extends SignalProviders {
  /** What happened: `resolved`, `deflected` (no human needed), `escalated` (handed to a human), or your own low-cardinality kind. */
  kind: "resolved" | "deflected" | "escalated" | (string & {});
  /** The operation (or the request span around several) this outcome is about. Default: none (counted only, plus an unlinked span). */
  operation?: OperationReference;
  /** `sightline.feature`. Default: the active `withContext` feature. */
  feature?: string;
  /** `gen_ai.conversation.id` (span only). Default: the active `withContext` conversation id. */
  conversationId?: string;
  /** A number worth recording with it (e.g. minutes saved); on the span only. Default: none. */
  value?: number;
}
