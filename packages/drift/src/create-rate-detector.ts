import { checkPracticalSignificance } from "./check-practical-significance.js";
import { designBernoulliCusum } from "./design-bernoulli-cusum.js";
import type { RateDetectorState, ResolvedDriftOptions, SignalVerdict } from "./internal-types.js";
import type { ResolvedMinimumEffect } from "./resolve-minimum-effect.js";
import type { DriftScore } from "./types.js";

// A crossing while a new reference forms reports a change of its own when its rate differs from the reported
// one by more than three standard errors (as for the scalar detectors, see confirm-rebaseline.ts).
const newLevelZ = 3;
// A rare outcome's reference rate is known only roughly from one reference (10 refusals in 500 calls), and the
// threshold has to allow for that. So the reference keeps growing, a block of `referenceSize` calls at a time, up
// to this many references: each block joins it unless the chart alarmed during it or its rate lies more than
// three standard errors above the reference's (the start of a change stays out), and the chart is redesigned.
const referenceGrowthLimit = 8;
const growthZ = 3;

/** Fresh rate detector for one watched outcome of a categorical signal, collecting its reference. */
export function createRateDetector(outcome: string): RateDetectorState {
  return {
    outcome,
    referenceCount: 0,
    referenceHits: 0,
    design: null,
    statistic: 0,
    runCount: 0,
    runHits: 0,
  };
}

function toDistribution(outcome: string, share: number): Record<string, number> {
  return { [outcome]: share, other: 1 - share };
}

function checkNewRate(state: RateDetectorState, run: { count: number; hits: number }): boolean {
  const candidate = state.candidate;
  if (candidate === undefined) return true;
  const rate = run.hits / Math.max(1, run.count);
  const pooled =
    (run.hits + candidate.reportedRate * candidate.reportedCount) / (run.count + candidate.reportedCount);
  const spread = Math.sqrt(
    Math.max(1e-12, pooled * (1 - pooled)) * (1 / run.count + 1 / candidate.reportedCount),
  );
  return Math.abs(rate - candidate.reportedRate) > newLevelZ * spread;
}

function adoptReference(
  state: RateDetectorState,
  options: { hits: number; count: number; settings: ResolvedDriftOptions; effect: ResolvedMinimumEffect },
): void {
  state.referenceCount = options.count;
  state.referenceHits = options.hits;
  state.blockCount = 0;
  state.blockHits = 0;
  state.design = designBernoulliCusum({
    hits: options.hits,
    count: options.count,
    ratio: options.settings.rateRatio,
    minimumEffect: options.effect.absolute,
    falseAlarmRate: options.settings.falseAlarmRate,
  });
  state.statistic = 0;
  state.runCount = 0;
  state.runHits = 0;
  state.candidate = undefined;
}

function checkBlockInControl(state: RateDetectorState): boolean {
  const rate = Math.max(1, state.referenceHits) / state.referenceCount;
  const blockRate = (state.blockHits ?? 0) / Math.max(1, state.blockCount ?? 0);
  const spread = Math.sqrt(
    rate * (1 - rate) * (1 / Math.max(1, state.blockCount ?? 0) + 1 / state.referenceCount),
  );
  return blockRate - rate <= growthZ * spread;
}

// Joins a complete, in-control block to the reference and redesigns the chart, carrying its evidence over.
function growReference(
  state: RateDetectorState,
  options: { settings: ResolvedDriftOptions; effect: ResolvedMinimumEffect },
): void {
  const previous = state.design;
  const statistic = state.statistic;
  const run = { count: state.runCount, hits: state.runHits };
  adoptReference(state, {
    hits: state.referenceHits + (state.blockHits ?? 0),
    count: state.referenceCount + (state.blockCount ?? 0),
    ...options,
  });
  if (previous === null || state.design === null) return;
  state.statistic = Math.min(
    state.design.threshold,
    Math.round((statistic * previous.unit) / state.design.unit),
  );
  if (state.statistic > 0) {
    state.runCount = run.count;
    state.runHits = run.hits;
  }
}

/**
 * Feeds one category to the rate detector: the first `referenceSize` observations give the reference rate of the
 * watched outcome, then a one-sided Bernoulli CUSUM (see design-bernoulli-cusum.ts) watches for a rise. After a
 * verdict (`rearm: "rebaseline"`) the old reference stays armed while a new one forms; a crossing at the rate
 * already reported is absorbed, one at another rate is raised.
 */
export function observeRateDetector(
  state: RateDetectorState,
  input: { category: string; settings: ResolvedDriftOptions; effect: ResolvedMinimumEffect },
): SignalVerdict | undefined {
  const { settings, effect } = input;
  const hit = input.category === state.outcome ? 1 : 0;
  if (state.design === null) {
    state.referenceCount += 1;
    state.referenceHits += hit;
    if (state.referenceCount >= settings.referenceSize) {
      adoptReference(state, { hits: state.referenceHits, count: state.referenceCount, settings, effect });
    }
    return undefined;
  }
  const design = state.design;
  if (state.candidate !== undefined) {
    state.candidate.count += 1;
    state.candidate.hits += hit;
  } else if (state.referenceCount < referenceGrowthLimit * settings.referenceSize) {
    state.blockCount = (state.blockCount ?? 0) + 1;
    state.blockHits = (state.blockHits ?? 0) + hit;
  }
  state.statistic = Math.max(0, state.statistic + (hit === 1 ? design.jump : -design.step));
  if (state.statistic === 0) {
    state.runCount = 0;
    state.runHits = 0;
  } else {
    state.runCount += 1;
    state.runHits += hit;
  }
  let verdict: SignalVerdict | undefined;
  if (state.statistic > design.threshold) {
    const run = { count: state.runCount, hits: state.runHits };
    const share = run.hits / Math.max(1, run.count);
    const candidate: SignalVerdict = {
      kind: "drift",
      detector: "bernoulli_cusum",
      statistic: state.statistic * design.unit,
      threshold: design.threshold * design.unit,
      score: state.statistic / design.threshold,
      direction: "up",
      reference: { count: state.referenceCount, distribution: toDistribution(state.outcome, design.rate) },
      current: { count: run.count, distribution: toDistribution(state.outcome, share) },
    };
    const isNew = settings.rearm === "reset" || checkNewRate(state, run);
    if (isNew && checkPracticalSignificance({ verdict: candidate, effect })) verdict = candidate;
    // Calls that led to an alarm never join the reference.
    state.blockCount = 0;
    state.blockHits = 0;
    if (settings.rearm === "rebaseline") {
      if (isNew) state.candidate = { count: 0, hits: 0, reportedRate: share, reportedCount: run.count };
      else if (state.candidate !== undefined) {
        const pooled = state.candidate.reportedCount + run.count;
        state.candidate.reportedRate =
          (state.candidate.reportedRate * state.candidate.reportedCount + run.hits) / pooled;
        state.candidate.reportedCount = pooled;
      }
    }
    state.statistic = 0;
    state.runCount = 0;
    state.runHits = 0;
  }
  if (state.candidate !== undefined && state.candidate.count >= settings.referenceSize) {
    adoptReference(state, { hits: state.candidate.hits, count: state.candidate.count, settings, effect });
  } else if ((state.blockCount ?? 0) >= settings.referenceSize) {
    if (checkBlockInControl(state)) growReference(state, { settings, effect });
    else {
      state.blockCount = 0;
      state.blockHits = 0;
    }
  }
  return verdict;
}

/** Current score of a monitoring rate detector, if any. */
export function getRateScores(state: RateDetectorState | undefined): Omit<DriftScore, "key" | "signal">[] {
  if (state === undefined || state.design === null || state.design.threshold <= 0) return [];
  return [
    {
      detector: "bernoulli_cusum",
      statistic: state.statistic * state.design.unit,
      threshold: state.design.threshold * state.design.unit,
      score: state.statistic / state.design.threshold,
    },
  ];
}
