import type { ResolvedDriftOptions } from "./internal-types.js";
import { resolveMinimumEffects } from "./resolve-minimum-effect.js";
import type { DriftMonitorOptions } from "./types.js";

function positiveInteger(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value) || value < 1) return fallback;
  return Math.floor(value);
}

function probability(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value) || value <= 0 || value >= 1) return fallback;
  return value;
}

/** Watched outcomes merged over the default (`refusal: "yes"`); `false` or `""` turns one off. */
function resolveRateOutcomes(options: DriftMonitorOptions["rateOutcomes"]): Record<string, string> {
  const resolved: Record<string, string> = { refusal: "yes" };
  if (options === undefined || options === null || typeof options !== "object") return resolved;
  for (const name of Object.keys(options)) {
    const outcome = options[name];
    if (typeof outcome === "string" && outcome !== "") resolved[name] = outcome;
    else delete resolved[name];
  }
  return resolved;
}

/** The practical-significance and seasonal settings (kept apart so each concern merges on its own). */
function resolveStatisticsOptions(
  options: DriftMonitorOptions,
): Pick<
  ResolvedDriftOptions,
  "minimumEffect" | "seasonalPeriodMilliseconds" | "seasonalBuckets" | "rateOutcomes" | "rateRatio"
> {
  const period = options.seasonalPeriodMilliseconds;
  return {
    minimumEffect: resolveMinimumEffects(options.minimumEffect),
    seasonalPeriodMilliseconds:
      typeof period === "number" && Number.isFinite(period) && period > 0 ? period : undefined,
    // Each phase needs a few dozen calls of its own; more than 96 phases would rarely get them.
    seasonalBuckets: Math.min(96, Math.max(2, positiveInteger(options.seasonalBuckets, 24))),
    rateOutcomes: resolveRateOutcomes(options.rateOutcomes),
    rateRatio:
      typeof options.rateRatio === "number" && Number.isFinite(options.rateRatio) && options.rateRatio > 1
        ? options.rateRatio
        : 3,
  };
}

/** Fills defaults and clamps nonsense so the detectors never see an invalid setting. */
export function resolveDriftOptions(options: DriftMonitorOptions = {}): ResolvedDriftOptions {
  const windowMilliseconds =
    options.windowMilliseconds !== undefined && options.windowMilliseconds > 0
      ? options.windowMilliseconds
      : undefined;
  return {
    // Two equal-mass bins need at least a handful of observations each.
    referenceSize: Math.max(20, positiveInteger(options.referenceSize, 500)),
    warmupSize:
      typeof options.warmupSize === "number" &&
      Number.isInteger(options.warmupSize) &&
      options.warmupSize >= 0
        ? options.warmupSize
        : 0,
    windowSize: Math.max(10, positiveInteger(options.windowSize, 250)),
    windowMilliseconds,
    minimumWindowCount: Math.max(10, positiveInteger(options.minimumWindowCount, 100)),
    meanDetector:
      options.meanDetector === "page_hinkley" || options.meanDetector === "none"
        ? options.meanDetector
        : "cusum",
    scalarDistance: options.scalarDistance === "none" ? "none" : "psi",
    thresholds: options.thresholds === "conventional" ? "conventional" : "calibrated",
    falseAlarmRate: probability(options.falseAlarmRate, 0.00002),
    windowFalseAlarmProbability: probability(options.windowFalseAlarmProbability, 0.002),
    meanShift: options.meanShift !== undefined && options.meanShift > 0 ? options.meanShift : 0.6,
    bins: Math.max(2, positiveInteger(options.bins, 10)),
    transform: options.transform ?? "auto",
    topCategories: Math.max(2, positiveInteger(options.topCategories, 16)),
    rearm: options.rearm === "reset" ? "reset" : "rebaseline",
    maxKeys: positiveInteger(options.maxKeys, 256),
    maxSignalsPerKey: positiveInteger(options.maxSignalsPerKey, 32),
    identityMemory: positiveInteger(options.identityMemory, 8),
    fingerprintPoolSize: Math.max(2, positiveInteger(options.fingerprintPoolSize, 64)),
    ...resolveStatisticsOptions(options),
  };
}
