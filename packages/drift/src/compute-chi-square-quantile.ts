import { computeNormalQuantile } from "./compute-normal-quantile.js";

/**
 * Upper quantile of the chi-square distribution, by the Wilson–Hilferty cube-root approximation
 * (within about 1% for 2+ degrees of freedom in the tails we use).
 *
 * @param options.degreesOfFreedom - at least 1
 * @param options.probability - lower-tail probability, e.g. `0.999`
 */
export function computeChiSquareQuantile(options: { degreesOfFreedom: number; probability: number }): number {
  const degrees = Math.max(1, options.degreesOfFreedom);
  const z = computeNormalQuantile(options.probability);
  const spread = 2 / (9 * degrees);
  const cube = 1 - spread + z * Math.sqrt(spread);
  return degrees * Math.max(0, cube) ** 3;
}
