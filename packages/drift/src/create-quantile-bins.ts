/** Bin edges fixed from a reference sample, with the reference's count per bin. */
export interface QuantileBins {
  /** Ascending interior edges; bin `i` is `[edges[i-1], edges[i])`, the first and last bins are open. */
  edges: number[];
  /** Reference observations per bin (`edges.length + 1` entries, none zero). */
  counts: number[];
}

/**
 * Index of the bin holding `value`: the number of edges at or below it (binary search, O(log bins)).
 */
export function findBinIndex(edges: readonly number[], value: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((edges[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Equal-mass bins from the reference's order statistics. Edges are reference values themselves and duplicates
 * are merged, so discrete signals (token counts) get fewer, never empty, bins.
 *
 * @param options.sortedValues - the reference, ascending
 * @param options.bins - wanted number of bins (fewer when values tie)
 */
export function createQuantileBins(options: { sortedValues: readonly number[]; bins: number }): QuantileBins {
  const values = options.sortedValues;
  const size = values.length;
  const edges: number[] = [];
  const minimum = values[0] ?? 0;
  for (let index = 1; index < options.bins; index += 1) {
    const edge = values[Math.floor((index * size) / options.bins)];
    if (edge === undefined || edge <= minimum) continue;
    if (edges.length > 0 && edge <= (edges[edges.length - 1] as number)) continue;
    edges.push(edge);
  }
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const value of values) {
    const index = findBinIndex(edges, value);
    counts[index] = (counts[index] as number) + 1;
  }
  return { edges, counts };
}
