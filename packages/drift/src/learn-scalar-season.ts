import {
  addToSeasonalProfile,
  completeSeasonalProfile,
  createSeasonalProfile,
  getSeasonalBucket,
  removeSeason,
  type SeasonalProfile,
} from "./create-seasonal-profile.js";
import type { ResolvedDriftOptions, ScalarReference, ScalarSignalState } from "./internal-types.js";

/** Learns the levels per phase over one cycle, starting with the values already buffered (kept for the bins). */
export function startSeasonalLearning(
  state: ScalarSignalState,
  options: { reference: ScalarReference; settings: ResolvedDriftOptions; timestamp: number },
): void {
  const { reference, settings } = options;
  const profile = createSeasonalProfile({
    period: settings.seasonalPeriodMilliseconds as number,
    buckets: settings.seasonalBuckets,
    startedAt: state.bufferStartedAt ?? options.timestamp,
    transform: reference.transform,
    logOffset: reference.offset,
  });
  state.buffer.forEach((value, index) => {
    addToSeasonalProfile(profile, { bucket: state.bufferBuckets?.[index] ?? 0, value });
  });
  reference.seasonal = profile;
}

/**
 * While the phases are learned, values only feed the profile. Once a cycle is complete, the reference is
 * rebuilt from the buffered values with their phase taken out, and the profile moves onto it.
 */
export function learnSeason(
  state: ScalarSignalState,
  options: { reference: ScalarReference; value: number; timestamp: number; adopt: () => void },
): void {
  const { reference, timestamp } = options;
  const profile = reference.seasonal as SeasonalProfile;
  const bucket = getSeasonalBucket(timestamp, {
    period: profile.period,
    buckets: profile.counts.length,
  });
  addToSeasonalProfile(profile, { bucket, value: options.value });
  if (!completeSeasonalProfile(profile, timestamp)) return;
  state.buffer = state.buffer.map((value, index) =>
    removeSeason({ profile, bucket: state.bufferBuckets?.[index] ?? 0, value }),
  );
  options.adopt();
}

/** Notes the phase of a value joining the warm-up buffer, and when the buffer started. */
export function bufferPhase(
  state: ScalarSignalState,
  options: { timestamp: number; settings: ResolvedDriftOptions },
): void {
  state.bufferStartedAt ??= options.timestamp;
  state.bufferBuckets ??= [];
  state.bufferBuckets.push(
    getSeasonalBucket(options.timestamp, {
      period: options.settings.seasonalPeriodMilliseconds as number,
      buckets: options.settings.seasonalBuckets,
    }),
  );
}
