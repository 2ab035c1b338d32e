/** Identifies one stream: detectors keep separate state per key. */
export interface DriftStreamKey {
  /** Provider name, e.g. `openai`. */
  provider: string;
  /**
   * The model the caller asked for, e.g. `gpt-4o`. What actually answered (response model, fingerprint) is
   * observed within the stream, so a reroute to another model is a change of this stream, not a new one.
   */
  model: string;
  /** Operation name, e.g. `chat`. */
  operation: string;
  /** Feature or prompt-template id, when the application supplies one. */
  feature?: string;
}

/** Well-known scalar signal names; any other string is accepted too. */
export type DriftScalarSignal =
  | "output_tokens"
  | "input_tokens"
  | "duration"
  | "time_to_first_chunk"
  | "cache_hit_ratio"
  | (string & {});

/** Well-known categorical signal names; any other string is accepted too. */
export type DriftCategoricalSignal = "finish_reason" | "refusal" | "tool_call" | "error_type" | (string & {});

/** One finished operation, as the detectors see it. */
export interface DriftObservation {
  /** The stream this observation belongs to. */
  key: DriftStreamKey;
  /** Numeric signals; non-finite values are ignored. */
  scalars?: Partial<Record<DriftScalarSignal, number>>;
  /** Categorical signals, one category per signal (e.g. `finish_reason: "stop"`, `refusal: "false"`). */
  categories?: Partial<Record<DriftCategoricalSignal, string>>;
  /** Identity of what answered; a value never seen on this stream gives an immediate `model_change` verdict. */
  identity?: { responseModel?: string; systemFingerprint?: string };
  /** Milliseconds since the epoch; only time-based windows read it. Default `Date.now()`. */
  timestamp?: number;
}

/** Which detector produced a verdict or score. */
export type DriftDetector =
  | "page_hinkley"
  | "cusum"
  | "psi"
  | "jensen_shannon"
  | "bernoulli_cusum"
  | "identity"
  | (string & {});

/** Summary of the observations on one side of a comparison. */
export interface DriftSummary {
  /** Number of observations summarised. */
  count: number;
  /** Mean of the raw values (scalar signals). */
  mean?: number;
  /** Standard deviation of the raw values (scalar signals). */
  std?: number;
  /** Share of observations per bin (scalar, labelled `[low, high)`) or per category. */
  distribution?: Record<string, number>;
}

/** A threshold crossing, or an identity change, on one observation. */
export interface DriftVerdict {
  /** `drift` for a statistical alarm, `model_change` for a new response model or system fingerprint. */
  kind: "drift" | "model_change";
  /** The stream that crossed. */
  key: DriftStreamKey;
  /** Signal name, e.g. `output_tokens`, `finish_reason`, `response_model`, `system_fingerprint`. */
  signal: string;
  /** Detector that fired. */
  detector: DriftDetector;
  /** The detector's statistic when it fired. */
  statistic: number;
  /** The threshold it crossed. */
  threshold: number;
  /** `statistic / threshold`; at least 1 for a verdict. */
  score: number;
  /** The frozen reference. */
  reference: DriftSummary;
  /** The evidence: observations since the detector's estimated change point, or the closed window. */
  current: DriftSummary;
  /** Direction of a mean change (`up` or `down`), for sequential detectors. */
  direction?: "up" | "down";
  /** Previous identity value, for `model_change`. */
  previous?: string;
  /** New identity value, for `model_change`. */
  next?: string;
}

/** Current normalised score of one detector on one stream, for a gauge. */
export interface DriftScore {
  /** The stream. */
  key: DriftStreamKey;
  /** Signal name. */
  signal: string;
  /** Detector name. */
  detector: DriftDetector;
  /** Current statistic (distance detectors: the last closed window). */
  statistic: number;
  /** Threshold in force. */
  threshold: number;
  /** `statistic / threshold`; at least 1 means alarm. */
  score: number;
}

/** A minimum effect: a verdict needs a change of at least both bounds (see {@link DriftMonitorOptions.minimumEffect}). */
export interface DriftMinimumEffect {
  /** Share of the reference level (scalar: of the reference mean; categorical: of the category's reference share). Default `0`. */
  relative?: number;
  /** In the signal's own unit (seconds, tokens, ratio; categorical: share, 0.01 = one point). Default `0`. */
  absolute?: number;
}

/** Threshold mode: learned from the reference's own noise, or the conventional fixed numbers. */
export type DriftThresholdMode = "calibrated" | "conventional";

/** What a signal does after it raises a drift verdict. */
export type DriftRearmMode = "rebaseline" | "reset";

/** Options of {@link createDriftMonitor}. */
export interface DriftMonitorOptions {
  /** Observations frozen as the reference of each signal before any verdict. Default `500`. */
  referenceSize?: number;
  /**
   * Observations of each scalar signal skipped before its reference starts collecting, so a
   * process's cold start (first connections, an unwarmed JIT) does not become the baseline
   * latency. Default `0`; `@sightline/core`'s default monitor uses 10.
   */
  warmupSize?: number;
  /** Observations per tumbling window of the distance detectors (PSI, Jensen-Shannon). Default `250`. */
  windowSize?: number;
  /** Use time-based tumbling windows of this many milliseconds instead of `windowSize`. Default unset. */
  windowMilliseconds?: number;
  /** Fewest observations a time-based window needs before it is compared (it keeps growing until then). Default `100`. */
  minimumWindowCount?: number;
  /** Sequential detector on the mean of each scalar signal, or `none`. Default `"cusum"`. */
  meanDetector?: "cusum" | "page_hinkley" | "none";
  /** Binned distance between each scalar's reference and window, or `none`. Default `"psi"`. */
  scalarDistance?: "psi" | "none";
  /** `calibrated` derives thresholds from the reference size and a false-alarm budget; `conventional` uses textbook constants (CUSUM k=0.5 h=5, Page-Hinkley δ=0.005σ λ=50σ α=0.9999, PSI 0.1, Jensen-Shannon 0.1). Default `"calibrated"`. */
  thresholds?: DriftThresholdMode;
  /** Calibrated mode: target false alarms per observation of each sequential detector. Default `0.00002` (0.2 per 10,000). */
  falseAlarmRate?: number;
  /** Calibrated mode: probability that one window of a stationary stream crosses a distance threshold. Default `0.002`. */
  windowFalseAlarmProbability?: number;
  /** Smallest mean shift, in reference standard deviations, the sequential detector is tuned for (the slack is half of it). Default `0.6`. */
  meanShift?: number;
  /** Quantile bins for scalar distributions, fixed from the reference. Default `10`. */
  bins?: number;
  /** Transform of scalar values: `auto` uses a log for non-negative, right-skewed references. Default `"auto"`. */
  transform?: "auto" | "log" | "none";
  /** Distinct categories kept per categorical signal; the rest share an `other` bucket. Default `16`. */
  topCategories?: number;
  /**
   * After a drift verdict: `rebaseline` learns a new reference from the next observations while the previous
   * one stays armed (a verdict at a level other than the one just reported is still raised, so a false alarm
   * cannot let the new reference absorb a real change); `reset` keeps the reference and clears the detector.
   * Default `"rebaseline"`.
   */
  rearm?: DriftRearmMode;
  /**
   * Smallest change worth a verdict, per signal name, merged over the defaults: a verdict needs the change
   * to reach both the relative and the absolute bound. Defaults: `duration`, `time_to_first_chunk` 3% and
   * 0.005 (seconds); `output_tokens`, `input_tokens` 3% and 5 tokens; `cache_hit_ratio` 0.02; `finish_reason`,
   * `tool_call`, `error_type`, `refusal` 0.01 (one point of a category's share). Other signals: none.
   * `{ relative: 0, absolute: 0 }` turns a default off.
   */
  minimumEffect?: Record<string, DriftMinimumEffect>;
  /**
   * Seasonal traffic: the mean detectors compare each value with the reference of its phase of a cycle of
   * this many milliseconds (read from `timestamp`), learned over one whole cycle, e.g. `86_400_000` for a
   * daily cycle. Costs: no mean verdict before a full cycle was seen; `seasonalBuckets` numbers per signal.
   * Default unset (no seasonality).
   */
  seasonalPeriodMilliseconds?: number;
  /** Phases of the seasonal cycle, each with its own reference level. Default `24`. */
  seasonalBuckets?: number;
  /**
   * Rare outcome watched per categorical signal by a rate detector (a one-sided Bernoulli CUSUM, detector
   * `bernoulli_cusum`) beside its Jensen-Shannon window, merged over the default `{ refusal: "yes" }`; `false`
   * turns one off. Its threshold keeps false alarms at `falseAlarmRate`, allowing for the reference's own noise.
   */
  rateOutcomes?: Record<string, string | false>;
  /** Rise of a watched outcome's rate the rate detector is tuned for, as a multiple of the reference rate (at least the signal's minimum effect above it). Default `3`. */
  rateRatio?: number;
  /**
   * Streams monitored at once. Beyond it, a new key takes the slot of a stream idle for `8 × maxKeys`
   * observations; failing that, a key with a `feature` is rolled into its parent stream (the same key without
   * the feature) and a key without one is left unmonitored. {@link DriftMonitor.stats} counts both. Default `256`.
   */
  maxKeys?: number;
  /** Signals kept per stream key (scalar and categorical each); further names are ignored. Default `32`. */
  maxSignalsPerKey?: number;
  /** Distinct response models remembered per stream, so alternating values do not re-fire. Default `8`. */
  identityMemory?: number;
  /**
   * Most system fingerprints learned as one stream's pool; a stream with more distinct values (an id per call)
   * is not checked for new pools. Default `64`.
   */
  fingerprintPoolSize?: number;
  /** Start from a snapshot taken with {@link DriftMonitor.snapshot}. Default unset. */
  initialState?: DriftState;
}

/** JSON-serialisable state of a monitor: references, detectors, windows and identities of every stream. */
export interface DriftState {
  /** Format version. */
  version: 1;
  /** Streams, least recently observed first. */
  streams: DriftStreamState[];
  /** Observations the monitor has taken (the clock of idle streams). */
  observations?: number;
  /** Calls observed in their parent stream because the key bound was reached. */
  rolledUpCalls?: number;
  /** Calls left unmonitored because the key bound was reached. */
  unmonitoredCalls?: number;
}

/** Serialised state of one stream. */
export interface DriftStreamState {
  /** The stream key. */
  key: DriftStreamKey;
  /** Response models seen (most recent last), the learned fingerprint pool, and its opaque state. */
  identity: {
    responseModels: string[];
    systemFingerprints: string[];
    observations: number;
    fingerprintPool?: unknown;
  };
  /** The monitor's observation count when this stream was last observed. */
  lastObserved?: number;
  /** Opaque per-signal scalar state. */
  scalars: Record<string, unknown>;
  /** Opaque per-signal categorical state. */
  categories: Record<string, unknown>;
}

/** Online drift detection over many streams. */
export interface DriftMonitor {
  /** Feeds one observation; returns the verdicts that crossed on this observation (usually none). */
  observe(observation: DriftObservation): DriftVerdict[];
  /** Current normalised score of every monitoring detector. */
  scores(): DriftScore[];
  /** JSON-serialisable copy of the whole state. */
  snapshot(): DriftState;
  /** Replaces the whole state with a snapshot. */
  restore(state: DriftState): void;
  /** Forgets the reference of one stream (or every stream) so the next observations become the new reference. */
  rebaseline(key?: DriftStreamKey): void;
  /** How many streams are monitored and how many calls the key bound rolled up or left out. */
  stats?(): DriftMonitorStats;
}

/** Counts of {@link DriftMonitor.stats}: what the key bound (`maxKeys`) did. */
export interface DriftMonitorStats {
  /** Streams monitored now. */
  streams: number;
  /** The key bound in force. */
  maxKeys: number;
  /** Calls observed in their parent stream (the key without its feature) because the bound was reached. */
  rolledUpCalls: number;
  /** Calls left unmonitored because the bound was reached and they had no parent stream to join. */
  unmonitoredCalls: number;
}
