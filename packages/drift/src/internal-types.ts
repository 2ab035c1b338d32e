import type { CusumState } from "./create-cusum.js";
import type { PageHinkleyState } from "./create-page-hinkley.js";
import type { SeasonalProfile } from "./create-seasonal-profile.js";
import type { BernoulliCusumDesign } from "./design-bernoulli-cusum.js";
import type { ResolvedMinimumEffect } from "./resolve-minimum-effect.js";
import type { DriftRearmMode, DriftStreamKey, DriftThresholdMode, DriftVerdict } from "./types.js";

export interface ResolvedDriftOptions {
  referenceSize: number;
  warmupSize: number;
  windowSize: number;
  windowMilliseconds: number | undefined;
  minimumWindowCount: number;
  meanDetector: "cusum" | "page_hinkley" | "none";
  scalarDistance: "psi" | "none";
  thresholds: DriftThresholdMode;
  falseAlarmRate: number;
  windowFalseAlarmProbability: number;
  meanShift: number;
  bins: number;
  transform: "auto" | "log" | "none";
  topCategories: number;
  rearm: DriftRearmMode;
  maxKeys: number;
  maxSignalsPerKey: number;
  identityMemory: number;
  fingerprintPoolSize: number;
  /** Per signal name; signals without an entry have none. */
  minimumEffect: Record<string, ResolvedMinimumEffect>;
  seasonalPeriodMilliseconds: number | undefined;
  seasonalBuckets: number;
  /** Watched outcome per categorical signal name, for the rate detector. */
  rateOutcomes: Record<string, string>;
  rateRatio: number;
}

/** A verdict before the monitor stamps the stream key on it. */
export type SignalVerdict = Omit<DriftVerdict, "key" | "signal">;

export interface ScalarReference {
  count: number;
  mean: number;
  std: number;
  transform: "log" | "none";
  offset: number;
  center: number;
  scale: number;
  edges: number[];
  counts: number[];
  detector: "cusum" | "page_hinkley" | "none";
  slack: number;
  threshold: number;
  fading: number;
  minimumObservations: number;
  /** With `seasonalPeriodMilliseconds`: the levels per phase (absent otherwise, and in older snapshots). */
  seasonal?: SeasonalProfile;
}

export interface ScalarWindow {
  count: number;
  sum: number;
  sumOfSquares: number;
  counts: number[];
  startedAt: number;
  /** Sum of the standardised values (absent in snapshots from before re-baseline confirmation). */
  standardizedSum?: number;
}

/** How far a verdict's evidence sits from the reference, in reference standard deviations, and on how many values. */
export interface VerdictEvidence {
  shift: number;
  count: number;
}

/**
 * A new reference forming (in the signal's `buffer`) after a verdict while the previous reference stays armed.
 * `sum` and `count` are of the values since the detectors were last cleared, standardised against the armed
 * reference; `level` is the shift of the last crossing (raised or not), from `levelCount` values.
 */
export interface RebaselineCandidate {
  sum: number;
  count: number;
  level: number;
  levelCount: number;
  /** Shift of the last raised verdict and its number of values (absent in older snapshots). */
  reported?: number;
  reportedCount?: number;
  /** Sum of the standardised values in the forming reference. */
  bufferSum?: number;
  /** The watch for a return to the armed reference (see `watchReturn`), off once the candidate restarted. */
  restarted?: boolean;
  returnStatistic?: number;
  returned?: boolean;
}

export interface ScalarSignalState {
  phase: "warming" | "monitoring";
  /** Observations skipped so far before the reference (absent in snapshots from before the option). */
  skipped?: number;
  buffer: number[];
  reference: ScalarReference | null;
  sequential: CusumState | PageHinkleyState | null;
  observations: number;
  window: ScalarWindow | null;
  lastDistance: number | null;
  lastDistanceThreshold: number | null;
  /** With `seasonalPeriodMilliseconds`: the phase of each value in `buffer`, and when the buffer started. */
  bufferBuckets?: number[];
  bufferStartedAt?: number;
  /** Set while a new reference forms in `buffer` after a verdict (`rearm: "rebaseline"`). */
  candidate?: RebaselineCandidate;
}

export interface CategoricalWindow {
  count: number;
  counts: Record<string, number>;
  startedAt: number;
}

/** A rate detector's new reference forming after a verdict, and the rate it reported. */
export interface RateRebaselineCandidate {
  count: number;
  hits: number;
  reportedRate: number;
  reportedCount: number;
}

/** Bernoulli CUSUM on one watched outcome of a categorical signal (a few numbers). */
export interface RateDetectorState {
  outcome: string;
  referenceCount: number;
  referenceHits: number;
  /** Null while the reference forms. */
  design: BernoulliCusumDesign | null;
  /** Chart value in integer units (`design.unit` nats each). */
  statistic: number;
  /** Observations and watched outcomes since the chart last was zero (the estimated change point). */
  runCount: number;
  runHits: number;
  /** Calls (and watched outcomes) since the reference last grew, joining it once a block is complete. */
  blockCount?: number;
  blockHits?: number;
  candidate?: RateRebaselineCandidate;
}

export interface CategoricalSignalState {
  phase: "warming" | "monitoring";
  /** With a watched outcome (`rateOutcomes`): its rate detector (absent otherwise, and in older snapshots). */
  rate?: RateDetectorState;
  referenceCounts: Record<string, number>;
  referenceCount: number;
  window: CategoricalWindow | null;
  lastDistance: number | null;
  lastDistanceThreshold: number | null;
}

/** A stream's learned system fingerprints and the evidence for a new pool. */
export interface FingerprintPoolState {
  /** `unbounded`: more distinct values than the pool capacity, so fingerprints are not tracked. */
  phase: "learning" | "monitoring" | "unbounded";
  /** Learned pool: fingerprint → observations. */
  counts: Record<string, number>;
  /** Observations counted into the pool. */
  total: number;
  /** Fingerprint observations of the stream, the clock of `probation` and `unfamiliar`. */
  seen: number;
  /** Unfamiliar fingerprints → when first seen; adopted if they do not recur soon. */
  probation: Record<string, number>;
  /** When recent unfamiliar fingerprints were seen, oldest first. */
  unfamiliar: number[];
  /** Most recent fingerprint of the learned pool. */
  last?: string;
}

export interface IdentityState {
  responseModels: string[];
  fingerprintPool: FingerprintPoolState;
  observations: number;
}

export interface StreamState {
  key: DriftStreamKey;
  /** The monitor's observation count when this stream was last observed (idle streams give up their slot). */
  lastObserved: number;
  identity: IdentityState;
  scalars: Map<string, ScalarSignalState>;
  categories: Map<string, CategoricalSignalState>;
}
