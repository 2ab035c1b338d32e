/**
 * Jensen-Shannon distance (square root of the divergence, base 2, bounded 0–1) between two category counts.
 * Categories missing on one side count as zero; no smoothing is needed because the mixture is never zero.
 */
export function computeJensenShannonDistance(options: {
  referenceCounts: Readonly<Record<string, number>>;
  currentCounts: Readonly<Record<string, number>>;
}): number {
  let referenceTotal = 0;
  let currentTotal = 0;
  for (const count of Object.values(options.referenceCounts)) referenceTotal += count;
  for (const count of Object.values(options.currentCounts)) currentTotal += count;
  if (referenceTotal === 0 || currentTotal === 0) return 0;
  const categories = new Set([
    ...Object.keys(options.referenceCounts),
    ...Object.keys(options.currentCounts),
  ]);
  let divergence = 0;
  for (const category of categories) {
    const referenceShare = (options.referenceCounts[category] ?? 0) / referenceTotal;
    const currentShare = (options.currentCounts[category] ?? 0) / currentTotal;
    const mixture = (referenceShare + currentShare) / 2;
    if (referenceShare > 0) divergence += 0.5 * referenceShare * Math.log2(referenceShare / mixture);
    if (currentShare > 0) divergence += 0.5 * currentShare * Math.log2(currentShare / mixture);
  }
  return Math.sqrt(Math.max(0, divergence));
}
