import type { CatalogEntry } from "./types.js";

/** Rates of one price set as integers in pico-USD per token (= micro-USD per 1M tokens), defaults applied. */
export interface CompiledRates {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h: number;
  reasoning: number;
  inputAudio: number;
  outputAudio: number;
  inputImage: number;
  outputImage: number;
}

/** A pricing mode ready for arithmetic; tiers sorted by descending threshold so the first hit wins. */
export interface CompiledMode {
  base: CompiledRates;
  tiers: readonly { aboveInputTokens: number; rates: CompiledRates }[];
}

/** A catalog or override entry with its rates parsed once. */
export interface CompiledEntry {
  entry: CatalogEntry;
  standard: CompiledMode;
  batch: CompiledMode | undefined;
  serviceTiers: ReadonlyMap<string, CompiledMode>;
  pricingVersion: string;
}
