import { type CatalogEntry, isListPriceTier } from "@sightline/pricing";

/**
 * Checks `--tier` and `--batch` of `sightline cost` against the entry that prices the model, where the price
 * registry itself would quietly fall back to list price. Returns the message naming the flag, what the model
 * offers and the fix, or undefined when the request can be priced as asked.
 */
export function checkPricingMode(options: {
  tier: string | undefined;
  batch: boolean;
  entry: CatalogEntry;
  /** Every service tier the catalog prices for some model. */
  catalogTiers: readonly string[];
}): string | undefined {
  const { entry } = options;
  const modelTiers = ["standard", ...Object.keys(entry.serviceTiers ?? {})];
  const tier = options.tier?.trim().toLowerCase();
  // An empty --tier is a mistake on the command line, though pricing reads a reported "" as list price.
  const listPrice = tier !== undefined && tier !== "" && isListPriceTier(tier);
  if (tier !== undefined && !listPrice && !modelTiers.includes(tier)) {
    const shown = JSON.stringify(options.tier);
    if (options.catalogTiers.includes(tier)) {
      return `--tier ${shown}: ${entry.id} has no ${tier} price in the catalog; its tiers are ${modelTiers.join(", ")}`;
    }
    const known = [...new Set(options.catalogTiers)].sort().join(", ");
    return `--tier ${shown} is not a service tier the catalog knows (${known}; standard, default or auto for list price); ${entry.id}'s tiers are ${modelTiers.join(", ")}`;
  }
  if (options.batch && tier !== undefined && !listPrice) {
    return `--batch and --tier ${tier} cannot be combined: batch has its own prices, without tiers; give one of them`;
  }
  if (options.batch && entry.batch === undefined) {
    return `--batch: ${entry.id} has no batch price in the catalog; leave --batch out for its list price`;
  }
  return undefined;
}
