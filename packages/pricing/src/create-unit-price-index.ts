import { normalizeProvider } from "./normalize-provider.js";
import { parseDecimalRate } from "./parse-decimal-rate.js";
import type { UnitPriceEntry } from "./types.js";

/** A unit price ready for arithmetic: pico-USD per single unit (may be fractional for per-1M prices). */
export interface CompiledUnitPrice {
  entry: UnitPriceEntry;
  picoPerUnit: number;
}

/** What pricing a call's units came to, in pico-USD. */
export interface PriceUnitsResult {
  pico: number;
  /** How many unit lines had a price. */
  priced: number;
  /** Unit lines without a price (`unit` or `unit:variant`). */
  unpriced: string[];
  /** The model-specific entry that priced a unit, if any (tool prices apply to every model). */
  modelId: string | undefined;
}

/** Unit prices keyed by provider, model, unit and variant. */
export interface UnitPriceIndex {
  find(input: {
    provider: string;
    model: string;
    unit: string;
    variant: string | undefined;
  }): CompiledUnitPrice | undefined;
}

/** Builds the unit price lookup once per registry; a model matches exactly (case-insensitive) or via `*`. */
export function createUnitPriceIndex(entries: readonly UnitPriceEntry[]): UnitPriceIndex {
  const prices = new Map<string, CompiledUnitPrice>();
  for (const entry of entries) {
    // parseDecimalRate gives micro-USD per unit of `price`; ×1e6 is pico-USD, spread over `per` units.
    const picoPerUnit = (parseDecimalRate(entry.price) * 1e6) / entry.per;
    prices.set(key(normalizeProvider(entry.provider), entry.model.toLowerCase(), entry.unit, entry.variant), {
      entry,
      picoPerUnit,
    });
  }
  return {
    find({ provider, model, unit, variant }) {
      const normalized = normalizeProvider(provider);
      const name = model.trim().toLowerCase();
      return (
        prices.get(key(normalized, name, unit, variant)) ?? prices.get(key(normalized, "*", unit, variant))
      );
    },
  };
}

function key(provider: string, model: string, unit: string, variant: string | undefined): string {
  return `${provider}\u0000${model}\u0000${unit}\u0000${variant ?? ""}`;
}
