/**
 * Population stability index, `Σ (q − p) · ln(q / p)`, between two binned counts of equal length.
 *
 * With `pseudoCount > 0` every bin gets that many extra observations (additive smoothing) so a single empty
 * bin cannot dominate; with `0`, empty shares are replaced by `1e-4` as Evidently does.
 */
export function computePopulationStability(options: {
  referenceCounts: readonly number[];
  currentCounts: readonly number[];
  pseudoCount: number;
}): number {
  const { referenceCounts, currentCounts, pseudoCount } = options;
  const binCount = referenceCounts.length;
  let referenceTotal = 0;
  let currentTotal = 0;
  for (let index = 0; index < binCount; index += 1) {
    referenceTotal += referenceCounts[index] as number;
    currentTotal += currentCounts[index] ?? 0;
  }
  if (referenceTotal === 0 || currentTotal === 0) return 0;
  const referenceDenominator = referenceTotal + pseudoCount * binCount;
  const currentDenominator = currentTotal + pseudoCount * binCount;
  let stability = 0;
  for (let index = 0; index < binCount; index += 1) {
    const referenceShare = Math.max(
      1e-4,
      ((referenceCounts[index] as number) + pseudoCount) / referenceDenominator,
    );
    const currentShare = Math.max(1e-4, ((currentCounts[index] ?? 0) + pseudoCount) / currentDenominator);
    stability += (currentShare - referenceShare) * Math.log(currentShare / referenceShare);
  }
  return stability;
}
