function formatEdge(edge: number): string {
  return String(Number(edge.toPrecision(4)));
}

/**
 * Shares per bin, labelled `[low, high)`, for verdict summaries (computed only when a verdict is emitted).
 */
export function summarizeBins(options: {
  edges: readonly number[];
  counts: readonly number[];
}): Record<string, number> {
  let total = 0;
  for (const count of options.counts) total += count;
  const distribution: Record<string, number> = {};
  const edges = options.edges;
  for (let index = 0; index < options.counts.length; index += 1) {
    const low = index === 0 ? "-inf" : formatEdge(edges[index - 1] as number);
    const high = index === edges.length ? "inf" : formatEdge(edges[index] as number);
    distribution[`[${low}, ${high})`] = total > 0 ? (options.counts[index] as number) / total : 0;
  }
  return distribution;
}
