import { normalizeProvider } from "../normalize-provider.js";
import type { CatalogEntry, UnitPriceEntry } from "../types.js";

/**
 * Puts a file's prices over the bundled ones. A bundled entry is dropped when the file names its id (as an id or an
 * alias, case-insensitive) for the same provider; every other bundled entry stays. The file's entries come first,
 * so where a bundled alias is also a file name the file still wins (an exact id beats an alias, and among equal
 * matches the first entry wins). A bundled unit price is dropped when the file has one for the same provider, model, unit
 * and variant.
 */
export function mergeOverBundled(input: {
  entries: readonly CatalogEntry[];
  unitPrices: readonly UnitPriceEntry[];
  bundledEntries: readonly CatalogEntry[];
  bundledUnitPrices: readonly UnitPriceEntry[];
}): { entries: CatalogEntry[]; unitPrices: UnitPriceEntry[] } {
  const named = new Set<string>();
  for (const entry of input.entries) {
    for (const name of namesOf(entry)) named.add(name);
  }
  const keptEntries = input.bundledEntries.filter((entry) => !named.has(nameKey(entry.provider, entry.id)));
  const unitKeys = new Set(input.unitPrices.map(unitKey));
  const keptUnits = input.bundledUnitPrices.filter((entry) => !unitKeys.has(unitKey(entry)));
  return {
    entries: [...input.entries, ...keptEntries],
    unitPrices: [...input.unitPrices, ...keptUnits],
  };
}

function namesOf(entry: CatalogEntry): string[] {
  return [entry.id, ...(entry.aliases ?? [])].map((name) => nameKey(entry.provider, name));
}

function nameKey(provider: string, name: string): string {
  return `${normalizeProvider(provider)}\u0000${name.trim().toLowerCase()}`;
}

function unitKey(entry: UnitPriceEntry): string {
  return [normalizeProvider(entry.provider), entry.model.toLowerCase(), entry.unit, entry.variant ?? ""].join(
    "\u0000",
  );
}
