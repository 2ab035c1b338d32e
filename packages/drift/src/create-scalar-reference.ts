import { computeCusumThreshold } from "./compute-cusum-threshold.js";
import { createQuantileBins } from "./create-quantile-bins.js";
import type { ResolvedDriftOptions, ScalarReference } from "./internal-types.js";

// Conventional constants: tabular CUSUM k = 0.5σ, h = 5σ (Montgomery, Introduction to Statistical Quality
// Control, §9.1); Page-Hinkley δ = 0.005, λ = 50, α = 0.9999, 30 instances (MOA / scikit-multiflow defaults),
// read here in units of the reference standard deviation as the research notes (D3) suggest.
const conventionalCusum = { slack: 0.5, threshold: 5 };
const conventionalPageHinkley = { slack: 0.005, threshold: 50, fading: 0.9999, minimumObservations: 30 };

function computeMoments(values: readonly number[]): { mean: number; std: number; skewness: number } {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  let cubes = 0;
  for (const value of values) {
    const deviation = value - mean;
    squares += deviation * deviation;
    cubes += deviation * deviation * deviation;
  }
  const variance = squares / Math.max(1, values.length - 1);
  const std = Math.sqrt(variance);
  const skewness = std > 0 ? cubes / values.length / std ** 3 : 0;
  return { mean, std, skewness };
}

/** Smallest scale used to standardise, so a constant reference does not divide by zero. */
function floorScale(scale: number, center: number): number {
  return Math.max(scale, 1e-6 * Math.max(1, Math.abs(center)), 1e-12);
}

/**
 * Freezes a scalar reference from the warm-up buffer: raw summary, value transform, equal-mass bins and the
 * sequential detector's slack and threshold.
 *
 * Token counts and latencies are right-skewed (near log-normal); on raw values their long upper tail makes a
 * Gaussian-tuned CUSUM fire far more often than its budget. `auto` therefore detects on `log(x + c)` when the
 * reference is non-negative with skewness above 1, with `c` = 1% of the median so zeros stay finite.
 */
export function createScalarReference(options: {
  buffer: readonly number[];
  settings: ResolvedDriftOptions;
}): ScalarReference {
  const { buffer, settings } = options;
  const sorted = [...buffer].sort((left, right) => left - right);
  const raw = computeMoments(sorted);
  const minimum = sorted[0] ?? 0;
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const useLog =
    minimum >= 0 &&
    (settings.transform === "log" || (settings.transform === "auto" && median > 0 && raw.skewness > 1));
  const offset = useLog ? (median > 0 ? 0.01 * median : raw.mean > 0 ? 0.01 * raw.mean : 1) : 0;
  const transformed = useLog ? computeMoments(sorted.map((value) => Math.log(value + offset))) : raw;
  const bins = createQuantileBins({ sortedValues: sorted, bins: settings.bins });
  const detector = settings.meanDetector;
  let slack: number;
  let threshold: number;
  let fading = 1;
  let minimumObservations = 1;
  if (settings.thresholds === "conventional") {
    const constants = detector === "page_hinkley" ? conventionalPageHinkley : conventionalCusum;
    slack = constants.slack;
    threshold = constants.threshold;
    if (detector === "page_hinkley") {
      fading = conventionalPageHinkley.fading;
      minimumObservations = conventionalPageHinkley.minimumObservations;
    }
  } else {
    // Tuned for the smallest shift worth catching: the optimal CUSUM slack is half that shift (Page 1954).
    slack = settings.meanShift / 2;
    threshold = computeCusumThreshold({
      slack,
      falseAlarmRate: settings.falseAlarmRate,
      referenceSize: sorted.length,
    });
  }
  return {
    count: sorted.length,
    mean: raw.mean,
    std: raw.std,
    transform: useLog ? "log" : "none",
    offset,
    center: transformed.mean,
    scale: floorScale(transformed.std, transformed.mean),
    edges: bins.edges,
    counts: bins.counts,
    detector,
    slack,
    threshold,
    fading,
    minimumObservations,
  };
}
