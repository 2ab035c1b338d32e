/**
 * The telemetry names Sightline emits, as the alert renderers see them.
 *
 * These MUST match core's `semconv.ts` and metric instruments (names, units, instrument kinds and attribute
 * keys). They are copied here, not imported, because `@sightline/alerts` has no run-time dependencies;
 * `scripts/check-semconv-names.mjs` fails when a name here is not exported by `@sightline/core/semconv`
 * (units and kinds are still checked by hand against core's metric instruments). Units matter: in the `otlp`
 * naming mode they become Prometheus name suffixes (see `to-prometheus-name.ts`).
 */

import type { AlertDimension } from "./types.js";

/** The OTel instrument kinds the renderers need to tell apart. */
export type MetricInstrumentKind = "histogram" | "counter" | "gauge";

/** One OTel metric instrument: its dotted name, UCUM unit and kind. */
export interface MetricDescriptor {
  /** Dotted OTel instrument name, e.g. `gen_ai.client.operation.duration`. */
  readonly name: string;
  /** UCUM unit as passed to the instrument, e.g. `s`, `USD`, `{token}`. */
  readonly unit: string;
  /** Instrument kind; counters gain `_total` in Prometheus. */
  readonly kind: MetricInstrumentKind;
}

/** The metrics the alert vocabulary is written against. */
export const sightlineMetrics = {
  /** Histogram of operation duration in seconds; `error.type` is set on failures. */
  operationDuration: { name: "gen_ai.client.operation.duration", unit: "s", kind: "histogram" },
  /** Histogram of tokens per operation, split by `gen_ai.token.type` (input or output). */
  tokenUsage: { name: "gen_ai.client.token.usage", unit: "{token}", kind: "histogram" },
  /** Histogram of seconds until the first stream chunk (streaming operations only). */
  timeToFirstChunk: { name: "gen_ai.client.operation.time_to_first_chunk", unit: "s", kind: "histogram" },
  /** Counter of spend in US dollars. */
  cost: { name: "sightline.gen_ai.cost", unit: "USD", kind: "counter" },
  /** Counter of calls whose model had no price (no cost recorded for them). */
  unpricedCalls: { name: "sightline.gen_ai.cost.unpriced", unit: "{call}", kind: "counter" },
  /** Gauge of the drift score per stream; 1 means the detector's threshold is reached. */
  driftScore: { name: "sightline.gen_ai.drift.score", unit: "1", kind: "gauge" },
  /** Counter of drift events, split by `sightline.drift.kind` (drift or model_change). */
  driftEvents: { name: "sightline.gen_ai.drift.events", unit: "{event}", kind: "counter" },
  /** Integer counter of evaluation results, by evaluator and `sightline.evaluation.passed`. */
  evaluationResults: { name: "sightline.gen_ai.evaluation.results", unit: "{evaluation}", kind: "counter" },
} as const satisfies Record<string, MetricDescriptor>;

/** Metric attribute keys (they become Prometheus labels with dots turned into underscores). */
export const sightlineAttributes = {
  /** `chat`, `text_completion`, `embeddings`, ... */
  operation: "gen_ai.operation.name",
  /** `openai`, `anthropic`, ... */
  provider: "gen_ai.provider.name",
  /** The model the caller asked for. */
  model: "gen_ai.request.model",
  /** The model the provider says answered. */
  responseModel: "gen_ai.response.model",
  /** Set only on failed operations. */
  errorType: "error.type",
  /** `input` or `output` on token usage. */
  tokenType: "gen_ai.token.type",
  /** The application feature the call belongs to. */
  feature: "sightline.feature",
  /** The prompt template id. */
  prompt: "sightline.prompt.id",
  /** Which drift signal a score or event is about. */
  driftSignal: "sightline.drift.signal",
  /** Which detector produced a score or event. */
  driftDetector: "sightline.drift.detector",
  /** `drift` or `model_change` on drift events. */
  driftKind: "sightline.drift.kind",
  /** The response model without its date stamp: what drift metrics are keyed by, instead of the requested model. */
  modelFamily: "sightline.model.family",
  /** The evaluator's name on evaluation results. */
  evaluationName: "gen_ai.evaluation.name",
  /** Boolean on evaluation results: whether the answer passed (a `"true"`/`"false"` Prometheus label). */
  evaluationPassed: "sightline.evaluation.passed",
} as const;

/**
 * The attribute behind each alert-file dimension. Metric labels, Honeycomb columns and Datadog tags all use
 * it (as a Prometheus label after dots become underscores).
 */
export const dimensionAttributes = {
  provider: sightlineAttributes.provider,
  model: sightlineAttributes.model,
  operation: sightlineAttributes.operation,
  feature: sightlineAttributes.feature,
  prompt: sightlineAttributes.prompt,
  signal: sightlineAttributes.driftSignal,
  evaluator: sightlineAttributes.evaluationName,
} as const satisfies Record<AlertDimension, string>;

/** Values of `sightline.drift.kind` on the drift events counter. */
export const driftEventKinds = { drift: "drift", modelChange: "model_change" } as const;

/** Span columns as Honeycomb stores them (OTel span attributes keep their dotted names). */
export const sightlineSpanColumns = {
  /** Span duration in milliseconds (Honeycomb's own column). */
  durationMs: "duration_ms",
  /** Cost of the call in US dollars; absent when the model had no price. */
  cost: "gen_ai.usage.cost",
  /** Input tokens of the call. */
  inputTokens: "gen_ai.usage.input_tokens",
  /** Output tokens of the call. */
  outputTokens: "gen_ai.usage.output_tokens",
  /** Seconds until the first stream chunk. */
  timeToFirstChunk: "gen_ai.response.time_to_first_chunk",
  /** Set only on failed calls. */
  errorType: "error.type",
  /** `unpriced` when the model had no price. */
  costMatch: "sightline.cost.match",
  /** Span events are stored as their own rows whose `name` column is the event name. */
  eventName: "name",
  /** The span name (the same `name` column as span events). */
  spanName: "name",
  /** The evaluator of an evaluation result span. */
  evaluationName: "gen_ai.evaluation.name",
  /** Boolean on evaluation result spans. */
  evaluationPassed: "sightline.evaluation.passed",
} as const;

/** Value of `sightline.cost.match` when no price was found. */
export const unpricedCostMatch = "unpriced";

/** Span event names Sightline records on operation spans. */
export const sightlineSpanEvents = {
  /** A drift detector crossed its threshold. */
  drift: "sightline.drift",
  /** The provider answered with a different model than before. */
  modelChange: "sightline.model_change",
} as const;

/** Name of the span each evaluation result is recorded on (with the evaluator and pass/fail as attributes). */
export const evaluationResultSpanName = "gen_ai.evaluation.result";

/**
 * The attribute a dimension reads on one kind of rule's metrics. Drift streams are keyed by model
 * family (so a new snapshot stays in its stream and shows as a model change), so `model` on drift
 * and model-change rules means the family.
 */
export function getDimensionAttribute(dimension: AlertDimension, signalKind?: string): string {
  if (dimension === "model" && (signalKind === "drift-score" || signalKind === "model-change")) {
    return sightlineAttributes.modelFamily;
  }
  return dimensionAttributes[dimension];
}
