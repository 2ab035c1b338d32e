/**
 * Service-tier names that mean the list price: what providers report for a default request
 * (`default`, `auto`, `standard`, `on_demand`) and an empty tier. Any other tier must be priced by the
 * model's entry, or the call is priced at list price and marked as such.
 */
export const LIST_PRICE_TIER_NAMES: readonly string[] = Object.freeze([
  "standard",
  "default",
  "auto",
  "on_demand",
  "on-demand",
  "",
]);

const LIST_PRICE_TIERS = new Set(LIST_PRICE_TIER_NAMES);

/** True when `tier` names the list price (see {@link LIST_PRICE_TIER_NAMES}). */
export function isListPriceTier(tier: string): boolean {
  return LIST_PRICE_TIERS.has(tier);
}
