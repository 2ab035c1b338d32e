import { computeDistanceThreshold } from "./compute-distance-threshold.js";
import { computePopulationStability } from "./compute-population-stability.js";
import { createCusum, updateCusum } from "./create-cusum.js";
import { createPageHinkley, type PageHinkleyState, updatePageHinkley } from "./create-page-hinkley.js";
import { findBinIndex } from "./create-quantile-bins.js";
import { createScalarReference } from "./create-scalar-reference.js";
import type {
  ResolvedDriftOptions,
  ScalarReference,
  ScalarSignalState,
  ScalarWindow,
  SignalVerdict,
} from "./internal-types.js";
import { summarizeBins } from "./summarize-bins.js";
import type { DriftScore, DriftSummary } from "./types.js";

// Standardised values are winsorised at ±4σ (a Huber-type bound) so one extreme call (a 30k-token answer,
// a timeout) adds at most a fraction of the threshold instead of raising an alarm on its own.
const clipLimit = 4;
// Additive smoothing of the current window's bins (half a count, Jeffreys) keeps an empty bin finite.
const pseudoCount = 0.5;
const conventionalPopulationStability = 0.1;

/** Fresh scalar signal, collecting its reference. */
export function createScalarSignal(): ScalarSignalState {
  return {
    phase: "warming",
    buffer: [],
    reference: null,
    sequential: null,
    observations: 0,
    window: null,
    lastDistance: null,
    lastDistanceThreshold: null,
  };
}

function createWindow(reference: ScalarReference, startedAt: number): ScalarWindow {
  return {
    count: 0,
    sum: 0,
    sumOfSquares: 0,
    counts: new Array<number>(reference.counts.length).fill(0),
    startedAt,
  };
}

function createSequential(reference: ScalarReference): NonNullable<ScalarSignalState["sequential"]> {
  if (reference.detector === "cusum") return createCusum();
  return createPageHinkley(reference.fading === 1 ? reference.count : 0);
}

function summarizeMoments(count: number, sum: number, sumOfSquares: number): DriftSummary {
  if (count === 0) return { count };
  const mean = sum / count;
  const variance = count > 1 ? Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1)) : 0;
  return { count, mean, std: Math.sqrt(variance) };
}

function summarizeReference(reference: ScalarReference, withBins: boolean): DriftSummary {
  const summary: DriftSummary = { count: reference.count, mean: reference.mean, std: reference.std };
  if (withBins) summary.distribution = summarizeBins({ edges: reference.edges, counts: reference.counts });
  return summary;
}

function rearm(
  state: ScalarSignalState,
  options: { settings: ResolvedDriftOptions; timestamp: number },
): void {
  const reference = state.reference;
  if (options.settings.rearm === "rebaseline" || reference === null) {
    Object.assign(state, createScalarSignal());
    return;
  }
  state.sequential = createSequential(reference);
  state.observations = 0;
  state.window = createWindow(reference, options.timestamp);
}

function freeze(
  state: ScalarSignalState,
  options: { settings: ResolvedDriftOptions; timestamp: number },
): void {
  const reference = createScalarReference({ buffer: state.buffer, settings: options.settings });
  state.phase = "monitoring";
  state.buffer = [];
  state.reference = reference;
  state.sequential = createSequential(reference);
  state.observations = 0;
  state.window = createWindow(reference, options.timestamp);
}

function standardize(reference: ScalarReference, value: number): number {
  const transformed = reference.transform === "log" ? Math.log(Math.max(0, value) + reference.offset) : value;
  const standardized = (transformed - reference.center) / reference.scale;
  return Math.max(-clipLimit, Math.min(clipLimit, standardized));
}

function checkSequential(state: ScalarSignalState, reference: ScalarReference): SignalVerdict | undefined {
  const sequential = state.sequential;
  if (sequential === null || reference.detector === "none") return undefined;
  if (state.observations < reference.minimumObservations) return undefined;
  const statistic = Math.max(sequential.upper, sequential.lower);
  if (statistic <= reference.threshold) return undefined;
  const upward = sequential.upper >= sequential.lower;
  const current = upward
    ? summarizeMoments(sequential.upperCount, sequential.upperSum, sequential.upperSumOfSquares)
    : summarizeMoments(sequential.lowerCount, sequential.lowerSum, sequential.lowerSumOfSquares);
  return {
    kind: "drift",
    detector: reference.detector,
    statistic,
    threshold: reference.threshold,
    score: statistic / reference.threshold,
    reference: summarizeReference(reference, false),
    current,
    direction: upward ? "up" : "down",
  };
}

function closeWindow(
  state: ScalarSignalState,
  options: { reference: ScalarReference; window: ScalarWindow; settings: ResolvedDriftOptions },
): SignalVerdict | undefined {
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
  return {
    kind: "drift",
    detector: "psi",
    statistic,
    threshold,
    score: statistic / threshold,
    reference: summarizeReference(reference, true),
    current: {
      ...summarizeMoments(window.count, window.sum, window.sumOfSquares),
      distribution: summarizeBins({ edges: reference.edges, counts: window.counts }),
    },
  };
}

function addToWindow(window: ScalarWindow, reference: ScalarReference, value: number): void {
  window.count += 1;
  window.sum += value;
  window.sumOfSquares += value * value;
  const index = findBinIndex(reference.edges, value);
  window.counts[index] = (window.counts[index] as number) + 1;
}

/**
 * Feeds one value to a scalar signal: during warm-up it joins the reference; afterwards it updates the
 * sequential mean detector and the current window, returning the verdicts that crossed on this value.
 */
export function observeScalarSignal(
  state: ScalarSignalState,
  input: { value: number; timestamp: number; settings: ResolvedDriftOptions },
): SignalVerdict[] {
  const { value, timestamp, settings } = input;
  if (state.phase === "warming" || state.reference === null) {
    if ((state.skipped ?? 0) < settings.warmupSize) {
      state.skipped = (state.skipped ?? 0) + 1;
      return [];
    }
    state.buffer.push(value);
    if (state.buffer.length >= settings.referenceSize) freeze(state, { settings, timestamp });
    return [];
  }
  const reference = state.reference;
  const verdicts: SignalVerdict[] = [];
  let window = state.window ?? createWindow(reference, timestamp);
  state.window = window;
  const timeBased = settings.windowMilliseconds !== undefined;
  if (
    timeBased &&
    window.count >= settings.minimumWindowCount &&
    timestamp >= window.startedAt + (settings.windowMilliseconds as number)
  ) {
    const verdict = closeWindow(state, { reference, window, settings });
    if (verdict !== undefined) verdicts.push(verdict);
    window = createWindow(reference, timestamp);
    state.window = window;
  }
  state.observations += 1;
  const standardized = standardize(reference, value);
  const sequential = state.sequential ?? createSequential(reference);
  state.sequential = sequential;
  if (reference.detector === "cusum")
    updateCusum(sequential, { standardized, raw: value, slack: reference.slack });
  else if (reference.detector === "page_hinkley")
    updatePageHinkley(sequential as PageHinkleyState, {
      standardized,
      raw: value,
      magnitude: reference.slack,
      fading: reference.fading,
    });
  const sequentialVerdict = checkSequential(state, reference);
  if (sequentialVerdict !== undefined) verdicts.push(sequentialVerdict);
  addToWindow(window, reference, value);
  if (!timeBased && window.count >= settings.windowSize) {
    const verdict = closeWindow(state, { reference, window, settings });
    if (verdict !== undefined) verdicts.push(verdict);
    state.window = createWindow(reference, timestamp);
  }
  if (verdicts.length > 0) rearm(state, { settings, timestamp });
  return verdicts;
}

/** Current scores of a scalar signal's detectors (none while it collects its reference). */
export function getScalarScores(state: ScalarSignalState): Omit<DriftScore, "key" | "signal">[] {
  const reference = state.reference;
  if (state.phase !== "monitoring" || reference === null) return [];
  const scores: Omit<DriftScore, "key" | "signal">[] = [];
  const sequential = state.sequential;
  const statistic = sequential === null ? 0 : Math.max(sequential.upper, sequential.lower);
  if (reference.detector !== "none")
    scores.push({
      detector: reference.detector,
      statistic,
      threshold: reference.threshold,
      score: statistic / reference.threshold,
    });
  if (
    state.lastDistance !== null &&
    state.lastDistanceThreshold !== null &&
    state.lastDistanceThreshold > 0
  ) {
    scores.push({
      detector: "psi",
      statistic: state.lastDistance,
      threshold: state.lastDistanceThreshold,
      score: state.lastDistance / state.lastDistanceThreshold,
    });
  }
  return scores;
}
