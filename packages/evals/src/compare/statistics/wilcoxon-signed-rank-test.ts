import { normalCdf } from "./normal-cdf.js";

/** Largest number of non-zero differences for which the exact null distribution is computed. */
const EXACT_LIMIT = 50;

/** What {@link wilcoxonSignedRankTest} found. */
export interface WilcoxonResult {
  /** W⁺: the sum of the ranks of the positive differences (mid-ranks for ties). */
  statistic: number;
  /** Differences left after dropping zeros (Wilcoxon's treatment of zeros). */
  nonZero: number;
  /** Two-sided p-value; 1 when every difference is zero. */
  pValue: number;
  /** `exact` (up to 50 non-zero differences, ties included) or `normal` (tie- and continuity-corrected). */
  method: "exact" | "normal";
}

/**
 * Wilcoxon signed-rank test on paired differences (candidate − baseline). Zero differences are dropped,
 * tied absolute differences get mid-ranks. Up to 50 non-zero differences the p-value is exact, from the
 * null distribution of W⁺ over all 2ⁿ sign assignments of the actual (tied) ranks; above that, the normal
 * approximation with the tie correction Σ(t³ − t)/48 and a 0.5 continuity correction.
 */
export function wilcoxonSignedRankTest(differences: readonly number[]): WilcoxonResult {
  const nonZero = differences.filter((difference) => difference !== 0 && Number.isFinite(difference));
  const count = nonZero.length;
  if (count === 0) return { statistic: 0, nonZero: 0, pValue: 1, method: "exact" };
  const order = nonZero
    .map((difference, index) => ({ magnitude: Math.abs(difference), index }))
    .sort((left, right) => left.magnitude - right.magnitude);
  // Doubled mid-ranks are integers, which the exact distribution needs.
  const doubledRanks = new Array<number>(count).fill(0);
  const tieSizes: number[] = [];
  for (let start = 0; start < count; ) {
    let end = start;
    while (end + 1 < count && order[end + 1]?.magnitude === order[start]?.magnitude) end += 1;
    const doubledMidRank = start + 1 + end + 1;
    for (let position = start; position <= end; position += 1)
      doubledRanks[order[position]?.index as number] = doubledMidRank;
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  let doubledStatistic = 0;
  for (let index = 0; index < count; index += 1)
    if ((nonZero[index] as number) > 0) doubledStatistic += doubledRanks[index] as number;
  const statistic = doubledStatistic / 2;

  if (count <= EXACT_LIMIT) {
    const total = doubledRanks.reduce((sum, rank) => sum + rank, 0);
    // probabilities[s]: P(doubled W⁺ = s) under H0, each sign ± with probability ½.
    let probabilities = new Float64Array(total + 1);
    probabilities[0] = 1;
    let reach = 0;
    for (const rank of doubledRanks) {
      const next = new Float64Array(total + 1);
      for (let sum = 0; sum <= reach; sum += 1) {
        const probability = probabilities[sum] as number;
        if (probability === 0) continue;
        next[sum] = (next[sum] as number) + probability / 2;
        next[sum + rank] = (next[sum + rank] as number) + probability / 2;
      }
      reach += rank;
      probabilities = next;
    }
    let lower = 0;
    let upper = 0;
    for (let sum = 0; sum <= total; sum += 1) {
      if (sum <= doubledStatistic) lower += probabilities[sum] as number;
      if (sum >= doubledStatistic) upper += probabilities[sum] as number;
    }
    return { statistic, nonZero: count, pValue: Math.min(1, 2 * Math.min(lower, upper)), method: "exact" };
  }
  const mean = (count * (count + 1)) / 4;
  const tieCorrection = tieSizes.reduce((sum, size) => sum + (size ** 3 - size), 0) / 48;
  const variance = (count * (count + 1) * (2 * count + 1)) / 24 - tieCorrection;
  if (variance <= 0) return { statistic, nonZero: count, pValue: 1, method: "normal" };
  const z = Math.max(0, Math.abs(statistic - mean) - 0.5) / Math.sqrt(variance);
  return { statistic, nonZero: count, pValue: Math.min(1, 2 * (1 - normalCdf(z))), method: "normal" };
}
