import { computeChiSquareQuantile } from "./compute-chi-square-quantile.js";

/**
 * Calibrated threshold of a binned distance between a reference of `referenceCount` and a window of
 * `currentCount` observations over `categories` cells, crossed with probability `falseAlarmProbability`
 * when nothing changed.
 *
 * Under no change both PSI and `8·ln2·JS²` are, to second order, `(1/n + 1/m)·χ²` with `categories − 1`
 * degrees of freedom (PSI: B3 of the research notes; JS: Taylor expansion of the divergence around the mixture),
 * so the threshold shrinks as samples grow instead of firing on small windows the way a fixed 0.1 does.
 */
export function computeDistanceThreshold(options: {
  statistic: "psi" | "jensen_shannon";
  categories: number;
  referenceCount: number;
  currentCount: number;
  falseAlarmProbability: number;
}): number {
  const chiSquare = computeChiSquareQuantile({
    degreesOfFreedom: Math.max(1, options.categories - 1),
    probability: 1 - options.falseAlarmProbability,
  });
  const sampling = 1 / Math.max(1, options.referenceCount) + 1 / Math.max(1, options.currentCount);
  if (options.statistic === "psi") return chiSquare * sampling;
  return Math.sqrt((chiSquare * sampling) / (8 * Math.LN2));
}
