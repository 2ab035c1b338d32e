/**
 * Telemetry names the store pulls into columns. Plain strings, like `dev-names.ts`, so the store reads
 * spans from any emitter and any `@sightline/core` version; `scripts/check-semconv-names.mjs` keeps them
 * in step with core's semconv.
 */
export const NAMES = {
  serviceName: "service.name",
  operation: "gen_ai.operation.name",
  provider: "gen_ai.provider.name",
  legacySystem: "gen_ai.system",
  requestModel: "gen_ai.request.model",
  responseModel: "gen_ai.response.model",
  inputTokens: "gen_ai.usage.input_tokens",
  outputTokens: "gen_ai.usage.output_tokens",
  cost: "gen_ai.usage.cost",
  finishReasons: "gen_ai.response.finish_reasons",
  conversationId: "gen_ai.conversation.id",
  feature: "sightline.feature",
  errorType: "error.type",
  timeToFirstChunk: "gen_ai.response.time_to_first_chunk",
  driftEvent: "sightline.drift",
  modelChangeEvent: "sightline.model_change",
  driftSignal: "sightline.drift.signal",
  driftKind: "sightline.drift.kind",
  driftScore: "sightline.drift.score",
  driftPrevious: "sightline.drift.previous",
  driftNext: "sightline.drift.next",
  modelFamily: "sightline.model.family",
  driftScoreMetric: "sightline.gen_ai.drift.score",
  budgetUsedMetric: "sightline.budget.used",
  budgetLimitMetric: "sightline.budget.limit",
  budgetName: "sightline.budget.name",
  budgetKey: "sightline.budget.key",
  budgetUnit: "sightline.budget.unit",
  budgetWindow: "sightline.budget.window",
} as const;
