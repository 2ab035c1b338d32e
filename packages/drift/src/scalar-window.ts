import { computeDistanceThreshold } from "./compute-distance-threshold.js";
import { computePopulationStability } from "./compute-population-stability.js";
import { findBinIndex } from "./create-quantile-bins.js";
import type {
  ResolvedDriftOptions,
  ScalarReference,
  ScalarSignalState,
  ScalarWindow,
  SignalVerdict,
  VerdictEvidence,
} from "./internal-types.js";
import { summarizeBins } from "./summarize-bins.js";
import { summarizeMoments, summarizeReference } from "./summarize-scalar.js";

// Additive smoothing of the current window's bins (half a count, Jeffreys) keeps an empty bin finite.
const pseudoCount = 0.5;
const conventionalPopulationStability = 0.1;

/** A verdict that crossed its threshold, before practical significance and re-baseline confirmation. */
export interface PendingVerdict {
  verdict: SignalVerdict;
  evidence: VerdictEvidence;
  sequential: boolean;
  /** A distance verdict's bins, summarised into its distributions only once it is raised (see `describeBins`). */
  bins?: { reference: ScalarReference; counts: readonly number[] };
}

/**
 * Adds the per-bin shares to a distance verdict that is raised. Deferred from `closeWindow` because most
 * crossings are dropped as too small to matter (judged on means and spreads alone), and labelling bins formats
 * every edge.
 */
export function describeBins(pending: PendingVerdict): void {
  const bins = pending.bins;
  if (bins === undefined) return;
  pending.verdict.reference.distribution = summarizeBins({
    edges: bins.reference.edges,
    counts: bins.reference.counts,
  });
  pending.verdict.current.distribution = summarizeBins({ edges: bins.reference.edges, counts: bins.counts });
  delete pending.bins;
}

/** An empty tumbling window over the reference's bins. */
export function createWindow(reference: ScalarReference, startedAt: number): ScalarWindow {
  return {
    count: 0,
    sum: 0,
    sumOfSquares: 0,
    counts: new Array<number>(reference.counts.length).fill(0),
    startedAt,
  };
}

/** Counts one value into the window (raw moments, standardised sum, bin). */
export function addToWindow(
  window: ScalarWindow,
  options: { reference: ScalarReference; value: number; standardized: number },
): void {
  const { reference, value } = options;
  window.standardizedSum = (window.standardizedSum ?? 0) + options.standardized;
  window.count += 1;
  window.sum += value;
  window.sumOfSquares += value * value;
  const index = findBinIndex(reference.edges, value);
  window.counts[index] = (window.counts[index] as number) + 1;
}

/**
 * Closes a full window: its population stability index against the reference, a verdict when it exceeds the
 * threshold (designed from the window and reference sizes, or the conventional 0.1).
 */
export function closeWindow(
  state: ScalarSignalState,
  options: { reference: ScalarReference; window: ScalarWindow; settings: ResolvedDriftOptions },
): PendingVerdict | undefined {
  const { reference, window, settings } = options;
  if (settings.scalarDistance === "none") return undefined;
  const statistic = computePopulationStability({
    referenceCounts: reference.counts,
    currentCounts: window.counts,
    pseudoCount: settings.thresholds === "conventional" ? 0 : pseudoCount,
  });
  const threshold =
    settings.thresholds === "conventional"
      ? conventionalPopulationStability
      : computeDistanceThreshold({
          statistic: "psi",
          categories: reference.counts.length,
          referenceCount: reference.count,
          currentCount: window.count,
          falseAlarmProbability: settings.windowFalseAlarmProbability,
        });
  state.lastDistance = statistic;
  state.lastDistanceThreshold = threshold;
  if (statistic <= threshold) return undefined;
  const evidence = { shift: (window.standardizedSum ?? 0) / Math.max(1, window.count), count: window.count };
  const verdict: SignalVerdict = {
    kind: "drift",
    detector: "psi",
    statistic,
    threshold,
    score: statistic / threshold,
    reference: summarizeReference(reference, false),
    current: summarizeMoments(window.count, window.sum, window.sumOfSquares),
  };
  return { verdict, evidence, sequential: false, bins: { reference, counts: window.counts } };
}
