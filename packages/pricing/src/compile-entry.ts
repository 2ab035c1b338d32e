import type { CompiledEntry, CompiledMode, CompiledRates } from "./internal-types.js";
import { parseDecimalRate } from "./parse-decimal-rate.js";
import type { CatalogEntry, PriceSet, PricingMode } from "./types.js";

/** Parses an entry's decimal prices into integer rates once, so that costing a call is only multiplications. */
export function compileEntry(entry: CatalogEntry, pricingVersion: string): CompiledEntry {
  const serviceTiers = new Map<string, CompiledMode>();
  for (const [name, mode] of Object.entries(entry.serviceTiers ?? {})) {
    serviceTiers.set(name.toLowerCase(), compileMode(mode));
  }
  return {
    entry,
    standard: compileMode(entry),
    batch: entry.batch ? compileMode(entry.batch) : undefined,
    serviceTiers,
    pricingVersion,
  };
}

function compileMode(mode: PricingMode): CompiledMode {
  const tiers = (mode.longContext ?? [])
    .map((tier) => ({ aboveInputTokens: tier.aboveInputTokens, rates: compileRates(tier.prices) }))
    .sort((left, right) => right.aboveInputTokens - left.aboveInputTokens);
  return { base: compileRates(mode.prices), tiers };
}

function compileRates(prices: PriceSet): CompiledRates {
  const input = parseDecimalRate(prices.input);
  const output = parseDecimalRate(prices.output);
  const cacheWrite = optionalRate(prices.cacheWrite, input);
  return {
    input,
    output,
    cacheRead: optionalRate(prices.cacheRead, input),
    cacheWrite,
    cacheWrite1h: optionalRate(prices.cacheWrite1h, cacheWrite),
    reasoning: optionalRate(prices.reasoning, output),
    inputAudio: optionalRate(prices.inputAudio, input),
    outputAudio: optionalRate(prices.outputAudio, output),
    inputImage: optionalRate(prices.inputImage, input),
    outputImage: optionalRate(prices.outputImage, output),
  };
}

function optionalRate(value: string | undefined, fallback: number): number {
  return value === undefined ? fallback : parseDecimalRate(value);
}
