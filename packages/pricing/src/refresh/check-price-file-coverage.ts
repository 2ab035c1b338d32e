import { normalizeProvider } from "../normalize-provider.js";
import type { CatalogEntry } from "../types.js";

/** A file must price at least this share of what the bundled catalog prices for the same providers. */
export const MINIMUM_COVERAGE = 0.5;

/**
 * Refuses a partial file: one whose current entries (no `validTo`), counted over the providers that both the file
 * and the bundled catalog price, number fewer than half of the bundled catalog's current entries for those
 * providers. Such a file is far more likely cut short or broken upstream than a real price change. Providers the
 * bundled catalog does not price are not compared. Throws a `TypeError` with both counts.
 */
export function checkPriceFileCoverage(input: {
  entries: readonly CatalogEntry[];
  bundledEntries: readonly CatalogEntry[];
}): void {
  const fileCounts = countCurrentByProvider(input.entries);
  const bundledCounts = countCurrentByProvider(input.bundledEntries);
  let fileTotal = 0;
  let bundledTotal = 0;
  const shared: string[] = [];
  for (const [provider, count] of fileCounts) {
    const bundled = bundledCounts.get(provider);
    if (bundled === undefined) continue;
    shared.push(provider);
    fileTotal += count;
    bundledTotal += bundled;
  }
  if (fileTotal < bundledTotal * MINIMUM_COVERAGE) {
    throw new TypeError(
      `the file looks partial: ${fileTotal} current entries for ${shared.join(", ")}, where the bundled catalog has ${bundledTotal} (at least ${Math.ceil(bundledTotal * MINIMUM_COVERAGE)} expected); if the file is meant to patch a few models, set "partial": true in it`,
    );
  }
}

function countCurrentByProvider(entries: readonly CatalogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    if (entry.validTo !== undefined) continue;
    const provider = normalizeProvider(entry.provider);
    counts.set(provider, (counts.get(provider) ?? 0) + 1);
  }
  return counts;
}
