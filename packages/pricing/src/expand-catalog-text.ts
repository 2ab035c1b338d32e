/** The compact form build-catalog.mjs writes: provenance triples stored once, items referring to them by `$`. */
interface CompactCatalog {
  sources: readonly (readonly [sourceUrl: string, source: string, checkedAt: string])[];
  items: readonly (Record<string, unknown> & { $: number })[];
}

/**
 * Parses the bundled catalog text into entries, putting each item's `sourceUrl`, `source` and `checkedAt` back
 * from the shared provenance table.
 */
export function expandCatalogText<Item>(text: string): Item[] {
  const compact = JSON.parse(text) as CompactCatalog;
  return compact.items.map(({ $: index, ...rest }) => {
    const [sourceUrl, source, checkedAt] = compact.sources[index] ?? ["", "", ""];
    return { ...rest, sourceUrl, source, checkedAt } as Item;
  });
}
