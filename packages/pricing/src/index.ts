export { CATALOG_COVERAGE, PRICING_VERSION } from "./catalog-data.js";
export { costOf } from "./cost-of.js";
export { createPriceRegistry } from "./create-price-registry.js";
export { explainModelResolution } from "./explain-model-resolution.js";
export { getDefaultPriceRegistry } from "./get-default-price-registry.js";
export { listModels } from "./list-models.js";
export { isListPriceTier, LIST_PRICE_TIER_NAMES } from "./list-price-tier-names.js";
export {
  compareWithLiteLLM,
  type LiteLLMComparison,
  type LiteLLMDisagreement,
} from "./litellm/compare-with-litellm.js";
export {
  convertLiteLLMMap,
  type LiteLLMConversion,
  type LiteLLMSourceInfo,
  type SkippedLiteLLMKey,
} from "./litellm/convert-litellm-map.js";
export {
  DEFAULT_PRICE_REFRESH_INTERVAL_MS,
  MINIMUM_PRICE_REFRESH_INTERVAL_MS,
  startPriceRefresh,
} from "./refresh/start-price-refresh.js";
export type {
  LoadedPriceFile,
  PriceFileFormat,
  PriceRefresh,
  PriceRefreshError,
  PriceRefreshOptions,
  PriceRefreshResult,
  PriceRefreshStatus,
  PriceRefreshUpdate,
  SightlinePriceFile,
  SightlinePriceFileFormat,
} from "./refresh/types.js";
export { registerModelPrice } from "./register-model-price.js";
export { resolveModel } from "./resolve-model.js";
export type {
  BilledUnits,
  CatalogCoverage,
  CatalogEntry,
  CatalogReplacement,
  CostBreakdown,
  CostOfInput,
  LongContextTier,
  MatchKind,
  ModelPriceOverride,
  ModelResolutionReport,
  NormalizedUsage,
  PriceInput,
  PriceRegistry,
  PriceRegistryOptions,
  PriceSet,
  PricingMode,
  ResolutionRule,
  ResolutionStep,
  ResolvedModel,
  ResolveModelInput,
  UnitPriceEntry,
} from "./types.js";
export { UNIT_PRICE_ENTRIES } from "./unit-price-data.js";
