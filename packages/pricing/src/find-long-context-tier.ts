import type { CompiledMode } from "./internal-types.js";

/**
 * The long-context tier a request falls in: the one with the highest threshold its whole prompt (cache included)
 * is strictly above, or `undefined` for the base prices. Tiers are sorted by descending threshold when compiled.
 */
export function findLongContextTier(
  mode: CompiledMode,
  inputTokens: number,
): CompiledMode["tiers"][number] | undefined {
  return mode.tiers.find((tier) => inputTokens > tier.aboveInputTokens);
}
