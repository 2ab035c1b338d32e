import { getDefaultPriceRegistry } from "./get-default-price-registry.js";
import type { ModelPriceOverride } from "./types.js";

/**
 * Adds a process-wide price that wins over the catalog (and over earlier overrides). Throws `RangeError` for a
 * price that is negative or has more than 6 decimal places in USD per 1M tokens.
 *
 * @example
 * registerModelPrice({ provider: "openai", model: "ft:gpt-4o-mini:acme:*", prices: { input: 0.3, output: 1.2 } });
 */
export function registerModelPrice(override: ModelPriceOverride): void {
  getDefaultPriceRegistry().registerModelPrice(override);
}
