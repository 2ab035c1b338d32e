import { formatDecimalRate, parseDecimalRate } from "./parse-decimal-rate.js";
import { PRICE_FIELDS } from "./price-fields.js";
import type { CatalogEntry, ModelPriceOverride, PriceInput, PriceSet, PricingMode } from "./types.js";

/** Turns a user price into a catalog entry, validating every rate up front so a bad price fails at registration. */
export function createOverrideEntry(override: ModelPriceOverride): CatalogEntry {
  const entry: CatalogEntry = {
    provider: override.provider ?? "override",
    id: override.model,
    ...toMode(override.prices, override.longContext),
    sourceUrl: "",
    source: override.source ?? "user override",
    checkedAt: "",
  };
  if (override.batch) entry.batch = toMode(override.batch, undefined);
  if (override.serviceTiers) {
    entry.serviceTiers = Object.fromEntries(
      Object.entries(override.serviceTiers).map(([name, prices]) => [name, toMode(prices, undefined)]),
    );
  }
  return entry;
}

function toMode(prices: PriceInput, longContext: ModelPriceOverride["longContext"]): PricingMode {
  const mode: PricingMode = { prices: toPriceSet(prices) };
  if (longContext) {
    mode.longContext = longContext.map((tier) => ({
      aboveInputTokens: tier.aboveInputTokens,
      prices: toPriceSet(tier.prices),
    }));
  }
  return mode;
}

function toPriceSet(prices: PriceInput): PriceSet {
  const canonical = (value: string | number): string => formatDecimalRate(parseDecimalRate(value));
  const set: PriceSet = { input: canonical(prices.input), output: canonical(prices.output) };
  for (const key of PRICE_FIELDS) {
    const value = prices[key];
    if (key === "input" || key === "output") continue;
    if (value !== undefined) set[key] = canonical(value);
  }
  return set;
}
