/**
 * Reference levels per phase of a cycle (e.g. the 24 hours of a day), in the detector's transformed units.
 * While `offsets` is null the profile is still learning and the detectors wait.
 */
export interface SeasonalProfile {
  /** Milliseconds per cycle. */
  period: number;
  /** Start of the current cycle; the offsets are (re)computed when it is complete. */
  startedAt: number;
  /** Per phase: sum of transformed values seen so far. */
  sums: number[];
  /** Per phase: values seen so far. */
  counts: number[];
  /** Each phase's level minus the overall level, once learned. */
  offsets: number[] | null;
  /** The transform the levels are in (`log(x + logOffset)` or none), kept when later references choose another. */
  transform: "log" | "none";
  logOffset: number;
}

// A phase seen only a few times is pulled towards the overall level (its offset is scaled by n / (n + 10)),
// so a quiet hour with five calls cannot set a level of its own.
const shrinkage = 10;

/** Phase of the cycle a timestamp falls in. */
export function getSeasonalBucket(timestamp: number, options: { period: number; buckets: number }): number {
  const phase = (((timestamp % options.period) + options.period) % options.period) / options.period;
  return Math.min(options.buckets - 1, Math.floor(phase * options.buckets));
}

/** An empty profile that starts learning at `startedAt`. */
export function createSeasonalProfile(options: {
  period: number;
  buckets: number;
  startedAt: number;
  transform: "log" | "none";
  logOffset: number;
}): SeasonalProfile {
  return {
    period: options.period,
    startedAt: options.startedAt,
    sums: new Array<number>(options.buckets).fill(0),
    counts: new Array<number>(options.buckets).fill(0),
    offsets: null,
    transform: options.transform,
    logOffset: options.logOffset,
  };
}

/** Adds one value to its phase while the profile learns. */
export function addToSeasonalProfile(
  profile: SeasonalProfile,
  input: { bucket: number; value: number },
): void {
  const transformed =
    profile.transform === "log" ? Math.log(Math.max(0, input.value) + profile.logOffset) : input.value;
  profile.sums[input.bucket] = (profile.sums[input.bucket] as number) + transformed;
  profile.counts[input.bucket] = (profile.counts[input.bucket] as number) + 1;
}

function computeOffsets(profile: SeasonalProfile): number[] {
  let total = 0;
  let count = 0;
  for (let bucket = 0; bucket < profile.counts.length; bucket += 1) {
    total += profile.sums[bucket] as number;
    count += profile.counts[bucket] as number;
  }
  const center = count > 0 ? total / count : 0;
  return profile.counts.map((bucketCount, bucket) =>
    bucketCount === 0
      ? 0
      : (((profile.sums[bucket] as number) / bucketCount - center) * bucketCount) / (bucketCount + shrinkage),
  );
}

/**
 * Completes the profile once a whole cycle was seen, and refreshes it after every further cycle: each phase's
 * offset from the overall mean, shrunk towards zero for phases seen rarely. The sums keep growing, so the
 * offsets sharpen day after day; a change that lifts every phase alike moves the overall mean, not the
 * offsets, so learning on does not absorb it. Returns true when the offsets were (re)computed.
 */
export function completeSeasonalProfile(profile: SeasonalProfile, timestamp: number): boolean {
  if (timestamp < profile.startedAt + profile.period) return false;
  let count = 0;
  for (const bucketCount of profile.counts) count += bucketCount;
  if (count < 2) return false;
  profile.offsets = computeOffsets(profile);
  profile.startedAt += profile.period * Math.floor((timestamp - profile.startedAt) / profile.period);
  return true;
}

/**
 * A value with its phase's level taken out, back in the signal's own unit: `t⁻¹(t(x) − offset)` with the
 * profile's transform `t` (log or none), so detectors, windows and summaries all see de-seasonalised values.
 */
export function removeSeason(options: { profile: SeasonalProfile; bucket: number; value: number }): number {
  const { profile } = options;
  const shift = profile.offsets?.[options.bucket] ?? 0;
  if (profile.transform === "none") return options.value - shift;
  return (Math.max(0, options.value) + profile.logOffset) * Math.exp(-shift) - profile.logOffset;
}
