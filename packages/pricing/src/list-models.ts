import { getDefaultPriceRegistry } from "./get-default-price-registry.js";
import type { CatalogEntry } from "./types.js";

/**
 * Current entries of the bundled catalog, optionally of one provider (any spelling `costOf` accepts); superseded
 * prices are left out.
 *
 * @example
 * listModels("anthropic").map((entry) => entry.id);
 */
export function listModels(provider?: string): CatalogEntry[] {
  return getDefaultPriceRegistry().listModels(provider);
}
