import type { PriceUnitsResult, UnitPriceIndex } from "./create-unit-price-index.js";
import type { BilledUnits, CostBreakdown } from "./types.js";

const PICO_PER_USD = 1e12;

/** Input of {@link priceUnits}. */
export interface PriceUnitsInput {
  index: UnitPriceIndex;
  provider: string;
  model: string;
  units: readonly BilledUnits[];
}

/**
 * Prices non-token units (images, seconds, characters, built-in tool calls) in pico-USD. A unit without a
 * price is listed, never priced at zero.
 */
export function priceUnits({ index, provider, model, units }: PriceUnitsInput): PriceUnitsResult {
  let pico = 0;
  let priced = 0;
  let modelId: string | undefined;
  const unpriced: string[] = [];
  for (const billed of units) {
    if (!(typeof billed.quantity === "number" && Number.isFinite(billed.quantity) && billed.quantity > 0))
      continue;
    const found = index.find({ provider, model, unit: billed.unit, variant: billed.variant });
    if (!found) {
      unpriced.push(billed.variant ? `${billed.unit}:${billed.variant}` : billed.unit);
      continue;
    }
    pico += Math.round(billed.quantity * found.picoPerUnit);
    priced += 1;
    if (found.entry.model !== "*") modelId ??= found.entry.model;
  }
  return { pico, priced, unpriced, modelId };
}

/** Adds priced units to a token breakdown; the total stays the rounded exact sum of pico-USD amounts. */
export function addUnitsToBreakdown(breakdown: CostBreakdown, units: PriceUnitsResult): CostBreakdown {
  const result: CostBreakdown = { ...breakdown };
  if (units.priced > 0) {
    result.units = units.pico / PICO_PER_USD;
    result.total = (Math.round(breakdown.total * PICO_PER_USD) + units.pico) / PICO_PER_USD;
  }
  if (units.unpriced.length > 0) result.unpricedUnits = units.unpriced;
  return result;
}

/** A breakdown for a call billed only by units (e.g. `whisper-1`, `dall-e-3`), whose model has no token price. */
export function createUnitOnlyBreakdown(options: {
  units: PriceUnitsResult;
  provider: string;
  model: string;
  pricingVersion: string;
}): CostBreakdown {
  const total = options.units.pico / PICO_PER_USD;
  const breakdown: CostBreakdown = {
    currency: "USD",
    total,
    input: 0,
    cachedInput: 0,
    cacheWrite: 0,
    output: 0,
    reasoning: 0,
    audioInput: 0,
    audioOutput: 0,
    imageInput: 0,
    imageOutput: 0,
    units: total,
    match: "exact",
    modelId: options.units.modelId ?? options.model,
    provider: options.provider,
    pricingVersion: options.pricingVersion,
    serviceTier: "standard",
    batch: false,
  };
  if (options.units.unpriced.length > 0) breakdown.unpricedUnits = options.units.unpriced;
  return breakdown;
}
