import { checkPracticalSignificance } from "./check-practical-significance.js";
import {
  acknowledgeLevel,
  addToRebaselineCandidate,
  checkNewLevel,
  checkUnreportedShift,
  createRebaselineCandidate,
  restartRebaselineCandidate,
} from "./confirm-rebaseline.js";
import { createCusum, updateCusum } from "./create-cusum.js";
import { createPageHinkley, type PageHinkleyState, updatePageHinkley } from "./create-page-hinkley.js";
import { createScalarReference } from "./create-scalar-reference.js";
import {
  addToSeasonalProfile,
  completeSeasonalProfile,
  getSeasonalBucket,
  removeSeason,
} from "./create-seasonal-profile.js";
import type {
  RebaselineCandidate,
  ResolvedDriftOptions,
  ScalarReference,
  ScalarSignalState,
  SignalVerdict,
  VerdictEvidence,
} from "./internal-types.js";
import { bufferPhase, learnSeason, startSeasonalLearning } from "./learn-scalar-season.js";
import { noVerdicts } from "./no-verdicts.js";
import { getMinimumEffect, type ResolvedMinimumEffect } from "./resolve-minimum-effect.js";
import {
  addToWindow,
  closeWindow,
  createWindow,
  describeBins,
  type PendingVerdict,
} from "./scalar-window.js";
import { summarizeMoments, summarizeReference } from "./summarize-scalar.js";
import type { DriftScore } from "./types.js";
import { watchReturn } from "./watch-return.js";

// Standardised values are winsorised at ±4σ (a Huber-type bound) so one extreme call (a 30k-token answer,
// a timeout) adds at most a fraction of the threshold instead of raising an alarm on its own.
const clipLimit = 4;

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

function createSequential(reference: ScalarReference): NonNullable<ScalarSignalState["sequential"]> {
  if (reference.detector === "cusum") return createCusum();
  return createPageHinkley(reference.fading === 1 ? reference.count : 0);
}

function resetDetectors(
  state: ScalarSignalState,
  options: { reference: ScalarReference; timestamp: number },
): void {
  state.sequential = createSequential(options.reference);
  state.observations = 0;
  state.window = createWindow(options.reference, options.timestamp);
}

/**
 * After a raised verdict. `reset` keeps the reference. `rebaseline` starts a new reference in `buffer` but keeps
 * the old one armed until the new one is complete (see `checkNewLevel`), so a false alarm just before a real
 * change cannot make the new reference absorb it.
 */
function rearm(
  state: ScalarSignalState,
  options: { settings: ResolvedDriftOptions; timestamp: number; evidence: VerdictEvidence },
): void {
  const reference = state.reference;
  if (reference === null) {
    Object.assign(state, createScalarSignal());
    return;
  }
  resetDetectors(state, { reference, timestamp: options.timestamp });
  if (options.settings.rearm !== "rebaseline") return;
  if (state.candidate === undefined) {
    state.buffer = [];
    state.candidate = createRebaselineCandidate(options.evidence);
    return;
  }
  const restarted = restartRebaselineCandidate({
    candidate: state.candidate,
    buffer: state.buffer,
    evidence: options.evidence,
  });
  state.candidate = restarted.candidate;
  state.buffer = restarted.buffer;
}

function freeze(
  state: ScalarSignalState,
  options: { settings: ResolvedDriftOptions; timestamp: number },
): void {
  const reference = createScalarReference({ buffer: state.buffer, settings: options.settings });
  const learned = state.reference?.seasonal;
  state.phase = "monitoring";
  state.reference = reference;
  delete state.candidate;
  resetDetectors(state, { reference, timestamp: options.timestamp });
  if (learned?.offsets) {
    // A new reference after a verdict was formed from de-seasonalised values; the phases stay as learned.
    reference.seasonal = learned;
  } else if (options.settings.seasonalPeriodMilliseconds !== undefined) {
    startSeasonalLearning(state, { reference, settings: options.settings, timestamp: options.timestamp });
    return;
  }
  state.buffer = [];
  delete state.bufferBuckets;
  delete state.bufferStartedAt;
}

function transformValue(reference: ScalarReference, value: number): number {
  return reference.transform === "log" ? Math.log(Math.max(0, value) + reference.offset) : value;
}

function standardize(reference: ScalarReference, value: number): number {
  const transformed = transformValue(reference, value);
  const standardized = (transformed - reference.center) / reference.scale;
  return Math.max(-clipLimit, Math.min(clipLimit, standardized));
}

function checkSequential(state: ScalarSignalState, reference: ScalarReference): PendingVerdict | undefined {
  const sequential = state.sequential;
  if (sequential === null || reference.detector === "none") return undefined;
  if (state.observations < reference.minimumObservations) return undefined;
  const statistic = Math.max(sequential.upper, sequential.lower);
  if (statistic <= reference.threshold) return undefined;
  const upward = sequential.upper >= sequential.lower;
  const current = upward
    ? summarizeMoments(sequential.upperCount, sequential.upperSum, sequential.upperSumOfSquares)
    : summarizeMoments(sequential.lowerCount, sequential.lowerSum, sequential.lowerSumOfSquares);
  // Since the side last touched zero, S = Σ(z − k): the mean standardised value of the run is S/n + k
  // (exact for the CUSUM; close for Page-Hinkley, whose running mean and fading shift it a little).
  const count = Math.max(1, upward ? sequential.upperCount : sequential.lowerCount);
  const shift = (upward ? 1 : -1) * (statistic / count + reference.slack);
  const verdict: SignalVerdict = {
    kind: "drift",
    detector: reference.detector,
    statistic,
    threshold: reference.threshold,
    score: statistic / reference.threshold,
    reference: summarizeReference(reference, false),
    current,
    direction: upward ? "up" : "down",
  };
  return { verdict, evidence: { shift, count }, sequential: true };
}

/**
 * The forming reference is complete: a verdict when it sits at a level nobody was told about (see
 * `checkUnreportedShift`) and the difference matters; the caller adopts it either way.
 */
function confirmAdoption(
  state: ScalarSignalState,
  options: { reference: ScalarReference; effect: ResolvedMinimumEffect },
): SignalVerdict | undefined {
  const { reference } = options;
  const candidate = state.candidate as RebaselineCandidate;
  const check = checkUnreportedShift(candidate, {
    count: state.buffer.length,
    referenceCount: reference.count,
  });
  if (!check.unreported) return undefined;
  let sum = 0;
  let sumOfSquares = 0;
  for (const value of state.buffer) {
    sum += value;
    sumOfSquares += value * value;
  }
  const statistic = Math.abs(check.shift - check.compared) / check.standardError;
  const verdict: SignalVerdict = {
    kind: "drift",
    detector: reference.detector === "none" ? "psi" : reference.detector,
    statistic,
    threshold: 3,
    score: statistic / 3,
    reference: summarizeReference(reference, false),
    current: summarizeMoments(state.buffer.length, sum, sumOfSquares),
    direction: check.shift >= 0 ? "up" : "down",
  };
  return checkPracticalSignificance({ verdict, effect: options.effect }) ? verdict : undefined;
}

/**
 * Keeps the verdicts that matter: big enough to matter (the signal's minimum effect) and, while a new reference
 * forms, at a level other than the one already reported. A dropped sequential verdict clears its detector.
 */
function judge(
  state: ScalarSignalState,
  options: {
    pending: PendingVerdict[];
    effect: ResolvedMinimumEffect;
    reference: ScalarReference;
    timestamp: number;
  },
): PendingVerdict[] {
  const raised: PendingVerdict[] = [];
  for (const pending of options.pending) {
    if (!checkPracticalSignificance({ verdict: pending.verdict, effect: options.effect })) {
      if (pending.sequential) {
        state.sequential = createSequential(options.reference);
        state.observations = 0;
      }
      continue;
    }
    const candidate = state.candidate;
    if (candidate === undefined || checkNewLevel(candidate, pending.evidence)) {
      describeBins(pending);
      raised.push(pending);
      continue;
    }
    acknowledgeLevel(candidate, pending.evidence);
    resetDetectors(state, { reference: options.reference, timestamp: options.timestamp });
  }
  return raised;
}

/**
 * Feeds one value to a scalar signal: during warm-up it joins the reference; afterwards it updates the
 * sequential mean detector and the current window, returning the verdicts that crossed on this value.
 */
export function observeScalarSignal(
  state: ScalarSignalState,
  input: { value: number; timestamp: number; settings: ResolvedDriftOptions; signal?: string },
): readonly SignalVerdict[] {
  const { timestamp, settings } = input;
  let value = input.value;
  if (state.phase === "warming" || state.reference === null) {
    if ((state.skipped ?? 0) < settings.warmupSize) {
      state.skipped = (state.skipped ?? 0) + 1;
      return noVerdicts;
    }
    if (settings.seasonalPeriodMilliseconds !== undefined) bufferPhase(state, { timestamp, settings });
    state.buffer.push(value);
    if (state.buffer.length >= settings.referenceSize) freeze(state, { settings, timestamp });
    return noVerdicts;
  }
  const reference = state.reference;
  const profile = reference.seasonal;
  if (profile !== undefined) {
    if (profile.offsets === null) {
      learnSeason(state, {
        reference,
        value,
        timestamp,
        adopt: () => freeze(state, { settings, timestamp }),
      });
      return noVerdicts;
    }
    const bucket = getSeasonalBucket(timestamp, { period: profile.period, buckets: profile.offsets.length });
    addToSeasonalProfile(profile, { bucket, value });
    completeSeasonalProfile(profile, timestamp);
    value = removeSeason({ profile, bucket, value });
  }
  // Allocated only when a detector crosses: most observations raise nothing.
  let pending: PendingVerdict[] | undefined;
  let window = state.window ?? createWindow(reference, timestamp);
  state.window = window;
  const timeBased = settings.windowMilliseconds !== undefined;
  if (
    timeBased &&
    window.count >= settings.minimumWindowCount &&
    timestamp >= window.startedAt + (settings.windowMilliseconds as number)
  ) {
    const closed = closeWindow(state, { reference, window, settings });
    if (closed !== undefined) pending = [closed];
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
  if (state.candidate !== undefined) {
    state.buffer.push(value);
    addToRebaselineCandidate(state.candidate, standardized);
    watchReturn(state.candidate, {
      standardized,
      threshold: reference.threshold,
      formed: state.buffer.length,
    });
  }
  const sequentialVerdict = checkSequential(state, reference);
  if (sequentialVerdict !== undefined) pending = [...(pending ?? []), sequentialVerdict];
  addToWindow(window, { reference, value, standardized });
  if (!timeBased && window.count >= settings.windowSize) {
    const closed = closeWindow(state, { reference, window, settings });
    if (closed !== undefined) pending = [...(pending ?? []), closed];
    state.window = createWindow(reference, timestamp);
  }
  const adopting = state.candidate !== undefined && state.buffer.length >= settings.referenceSize;
  // Nothing crossed and no new reference is due (the steady state): nothing to judge.
  if (pending === undefined && !adopting) return noVerdicts;
  const effect = getMinimumEffect(settings.minimumEffect, input.signal);
  const raised = pending === undefined ? [] : judge(state, { pending, effect, reference, timestamp });
  const first = raised[0];
  if (first !== undefined) rearm(state, { settings, timestamp, evidence: first.evidence });
  else if (state.candidate !== undefined && state.buffer.length >= settings.referenceSize) {
    const adoption = confirmAdoption(state, { reference, effect });
    freeze(state, { settings, timestamp });
    if (adoption !== undefined) return [adoption];
  }
  return raised.length === 0 ? noVerdicts : raised.map((item) => item.verdict);
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
