import type { ScalarReference } from "./internal-types.js";
import { summarizeBins } from "./summarize-bins.js";
import type { DriftSummary } from "./types.js";

/** Count, mean and sample standard deviation from running sums, for the `current` side of a verdict. */
export function summarizeMoments(count: number, sum: number, sumOfSquares: number): DriftSummary {
  if (count === 0) return { count };
  const mean = sum / count;
  const variance = count > 1 ? Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1)) : 0;
  return { count, mean, std: Math.sqrt(variance) };
}

/** The reference side of a verdict; with its bins for a distance verdict. */
export function summarizeReference(reference: ScalarReference, withBins: boolean): DriftSummary {
  const summary: DriftSummary = { count: reference.count, mean: reference.mean, std: reference.std };
  if (withBins) summary.distribution = summarizeBins({ edges: reference.edges, counts: reference.counts });
  return summary;
}
