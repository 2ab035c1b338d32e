/**
 * Names `sightline dev` shows that `@sightline/core` adds with its cost and drift features. Kept here as
 * plain strings so the viewer shows them from any emitter, including older or newer core versions.
 */
export const ATTR_GEN_AI_USAGE_COST = "gen_ai.usage.cost";
/** How the price was found (e.g. exact, alias), or why there is no cost. */
export const ATTR_SIGHTLINE_COST_MATCH = "sightline.cost.match";
/** Set on another tool's span that wraps a model call of the same kind: a roll-up, not a call. */
export const ATTR_SIGHTLINE_ROLLUP = "sightline.rollup";
/** Span event: a drift detector fired. */
export const EVENT_SIGHTLINE_DRIFT = "sightline.drift";
/** Span event: the response model or fingerprint changed. */
export const EVENT_SIGHTLINE_MODEL_CHANGE = "sightline.model_change";
/** Gauge of the current drift score. */
export const METRIC_SIGHTLINE_DRIFT_SCORE = "sightline.gen_ai.drift.score";
