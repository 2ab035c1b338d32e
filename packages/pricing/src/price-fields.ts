import type { PriceSet } from "./types.js";

/** Every rate a `PriceSet` can state, in documentation order; `input` and `output` are the required two. */
export const PRICE_FIELDS: readonly (keyof PriceSet)[] = [
  "input",
  "output",
  "cacheRead",
  "cacheWrite",
  "cacheWrite1h",
  "reasoning",
  "inputAudio",
  "outputAudio",
  "inputImage",
  "outputImage",
];
