import { getBundledCatalog } from "../catalog-data.js";
import type { CatalogEntry } from "../types.js";
import type { SightlinePriceFile } from "./types.js";

/**
 * A `sightline.prices/v1` file holding the bundled OpenAI entries, with `gpt-4o` repriced to `input`/`output`, so a
 * loaded file is visible in a cost. Tests only.
 */
export function createOpenAIPriceFile(options: {
  pricingVersion: string;
  input: string;
  output: string;
}): SightlinePriceFile {
  const entries = getBundledCatalog()
    .filter((entry) => entry.provider === "openai")
    .map(
      (entry): CatalogEntry =>
        entry.id === "gpt-4o" && entry.validTo === undefined
          ? { ...entry, prices: { input: options.input, output: options.output } }
          : entry,
    );
  return { format: "sightline.prices/v1", pricingVersion: options.pricingVersion, entries };
}
