import { checkPracticalSignificance } from "./check-practical-significance.js";
import { computeDistanceThreshold } from "./compute-distance-threshold.js";
import { computeJensenShannonDistance } from "./compute-jensen-shannon-distance.js";
import { createCountMap, incrementCountMap } from "./create-count-map.js";
import { createRateDetector, getRateScores, observeRateDetector } from "./create-rate-detector.js";
import type {
  CategoricalSignalState,
  CategoricalWindow,
  ResolvedDriftOptions,
  SignalVerdict,
} from "./internal-types.js";
import { noVerdicts } from "./no-verdicts.js";
import { getMinimumEffect, type ResolvedMinimumEffect } from "./resolve-minimum-effect.js";
import type { DriftScore } from "./types.js";

// Evidently's default drift threshold for Jensen-Shannon distance on categorical columns.
const conventionalJensenShannon = 0.1;

/** Fresh categorical signal, collecting its reference. */
export function createCategoricalSignal(): CategoricalSignalState {
  return {
    phase: "warming",
    referenceCounts: createCountMap(),
    referenceCount: 0,
    window: null,
    lastDistance: null,
    lastDistanceThreshold: null,
  };
}

function createWindow(startedAt: number): CategoricalWindow {
  return { count: 0, counts: createCountMap(), startedAt };
}

function toShares(counts: Readonly<Record<string, number>>, total: number): Record<string, number> {
  const shares: Record<string, number> = {};
  for (const category in counts) shares[category] = total > 0 ? (counts[category] as number) / total : 0;
  return shares;
}

function closeWindow(
  state: CategoricalSignalState,
  options: { window: CategoricalWindow; settings: ResolvedDriftOptions },
): SignalVerdict | undefined {
  const { window, settings } = options;
  const statistic = computeJensenShannonDistance({
    referenceCounts: state.referenceCounts,
    currentCounts: window.counts,
  });
  let threshold = conventionalJensenShannon;
  if (settings.thresholds === "calibrated") {
    const categories = new Set([...Object.keys(state.referenceCounts), ...Object.keys(window.counts)]).size;
    threshold = computeDistanceThreshold({
      statistic: "jensen_shannon",
      categories,
      referenceCount: state.referenceCount,
      currentCount: window.count,
      falseAlarmProbability: settings.windowFalseAlarmProbability,
    });
  }
  state.lastDistance = statistic;
  state.lastDistanceThreshold = threshold;
  if (statistic <= threshold) return undefined;
  return {
    kind: "drift",
    detector: "jensen_shannon",
    statistic,
    threshold,
    score: statistic / threshold,
    reference: {
      count: state.referenceCount,
      distribution: toShares(state.referenceCounts, state.referenceCount),
    },
    current: { count: window.count, distribution: toShares(window.counts, window.count) },
  };
}

/**
 * Feeds one category to a categorical signal: during warm-up it joins the reference's top-K counts; afterwards
 * it joins the current window, which is compared with the reference (Jensen-Shannon distance) when it closes.
 * A signal with a watched outcome (`rateOutcomes`) also feeds its rate detector, which keeps its own reference.
 */
export function observeCategoricalSignal(
  state: CategoricalSignalState,
  input: { category: string; timestamp: number; settings: ResolvedDriftOptions; signal?: string },
): readonly SignalVerdict[] {
  const { category, timestamp, settings } = input;
  // Allocated only when a detector crosses: most observations raise nothing.
  let verdicts: SignalVerdict[] | undefined;
  const outcome =
    input.signal !== undefined && Object.hasOwn(settings.rateOutcomes, input.signal)
      ? settings.rateOutcomes[input.signal]
      : undefined;
  if (outcome !== undefined) {
    if (state.rate === undefined || state.rate.outcome !== outcome) state.rate = createRateDetector(outcome);
    const effect = getMinimumEffect(settings.minimumEffect, input.signal);
    const verdict = observeRateDetector(state.rate, { category, settings, effect });
    if (verdict !== undefined) verdicts = [verdict];
  }
  if (state.phase === "warming") {
    incrementCountMap(state.referenceCounts, { category, capacity: settings.topCategories });
    state.referenceCount += 1;
    if (state.referenceCount >= settings.referenceSize) {
      state.phase = "monitoring";
      state.window = createWindow(timestamp);
    }
    return verdicts ?? noVerdicts;
  }
  let window = state.window ?? createWindow(timestamp);
  const timeBased = settings.windowMilliseconds !== undefined;
  let distanceRaised = false;
  if (
    timeBased &&
    window.count >= settings.minimumWindowCount &&
    timestamp >= window.startedAt + (settings.windowMilliseconds as number)
  ) {
    const verdict = closeWindow(state, { window, settings });
    if (verdict !== undefined && checkPracticalSignificance({ verdict, effect: getEffect(input) })) {
      verdicts = [...(verdicts ?? []), verdict];
      distanceRaised = true;
    }
    window = createWindow(timestamp);
  }
  state.window = window;
  incrementCountMap(window.counts, {
    category,
    capacity: settings.topCategories,
    known: state.referenceCounts,
  });
  window.count += 1;
  if (!timeBased && window.count >= settings.windowSize) {
    const verdict = closeWindow(state, { window, settings });
    if (verdict !== undefined && checkPracticalSignificance({ verdict, effect: getEffect(input) })) {
      verdicts = [...(verdicts ?? []), verdict];
      distanceRaised = true;
    }
    state.window = createWindow(timestamp);
  }
  // The rate detector re-arms on its own; a distance verdict restarts the window's reference only.
  if (distanceRaised) {
    if (settings.rearm === "rebaseline") {
      const rate = state.rate;
      Object.assign(state, createCategoricalSignal());
      if (rate !== undefined) state.rate = rate;
    } else state.window = createWindow(timestamp);
  }
  return verdicts ?? noVerdicts;
}

// Looked up only when a window closes with a verdict, not on every observation.
function getEffect(input: { settings: ResolvedDriftOptions; signal?: string }): ResolvedMinimumEffect {
  return getMinimumEffect(input.settings.minimumEffect, input.signal);
}

/** Current scores of a categorical signal (its rate detector, and the last closed window), if any. */
export function getCategoricalScores(state: CategoricalSignalState): Omit<DriftScore, "key" | "signal">[] {
  const rate = getRateScores(state.rate);
  if (state.phase !== "monitoring" || state.lastDistance === null || state.lastDistanceThreshold === null)
    return rate;
  if (state.lastDistanceThreshold <= 0) return rate;
  return [
    ...rate,
    {
      detector: "jensen_shannon",
      statistic: state.lastDistance,
      threshold: state.lastDistanceThreshold,
      score: state.lastDistance / state.lastDistanceThreshold,
    },
  ];
}
