import { getDefaultPriceRegistry } from "./get-default-price-registry.js";
import type { CostBreakdown, CostOfInput } from "./types.js";

/**
 * Exact cost of one call from the bundled catalog plus process-wide overrides, or `undefined` when the model is
 * unknown (never zero).
 *
 * @example
 * costOf({ provider: "openai", model: "gpt-4o", usage: { inputTokens: 1000, cacheReadInputTokens: 200, outputTokens: 500 } });
 * // → { total: 0.00725, input: 0.002, cachedInput: 0.00025, output: 0.005, match: "exact", ... }
 */
export function costOf(input: CostOfInput): CostBreakdown | undefined {
  return getDefaultPriceRegistry().costOf(input);
}
