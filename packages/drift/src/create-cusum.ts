/** Plain-data state of a two-sided sequential mean detector (CUSUM, and Page-Hinkley on top of it). */
export interface CusumState {
  /** Evidence for an upward shift, in standard deviations. */
  upper: number;
  /** Evidence for a downward shift, in standard deviations. */
  lower: number;
  /** Raw observations since `upper` last was zero (the estimated change point), with their sum and sum of squares. */
  upperCount: number;
  upperSum: number;
  upperSumOfSquares: number;
  /** Same for `lower`. */
  lowerCount: number;
  lowerSum: number;
  lowerSumOfSquares: number;
}

/** Fresh two-sided CUSUM state (Page 1954), all evidence at zero. */
export function createCusum(): CusumState {
  return {
    upper: 0,
    lower: 0,
    upperCount: 0,
    upperSum: 0,
    upperSumOfSquares: 0,
    lowerCount: 0,
    lowerSum: 0,
    lowerSumOfSquares: 0,
  };
}

/**
 * Adds one increment to each side: `upper = max(0, decay·upper + upward)`, `lower = max(0, decay·lower + downward)`.
 * Tracking the raw values since each side last touched zero gives the post-change summary for free.
 */
export function accumulateCusum(
  state: CusumState,
  increments: { upward: number; downward: number; raw: number; decay: number },
): void {
  state.upper = Math.max(0, increments.decay * state.upper + increments.upward);
  if (state.upper === 0) {
    state.upperCount = 0;
    state.upperSum = 0;
    state.upperSumOfSquares = 0;
  } else {
    state.upperCount += 1;
    state.upperSum += increments.raw;
    state.upperSumOfSquares += increments.raw * increments.raw;
  }
  state.lower = Math.max(0, increments.decay * state.lower + increments.downward);
  if (state.lower === 0) {
    state.lowerCount = 0;
    state.lowerSum = 0;
    state.lowerSumOfSquares = 0;
  } else {
    state.lowerCount += 1;
    state.lowerSum += increments.raw;
    state.lowerSumOfSquares += increments.raw * increments.raw;
  }
}

/**
 * Feeds one standardised value `z` (reference mean 0, standard deviation 1) to a tabular CUSUM with slack `k`:
 * `S⁺ = max(0, S⁺ + z − k)`, `S⁻ = max(0, S⁻ − z − k)`. An alarm is `max(S⁺, S⁻) > h`.
 */
export function updateCusum(
  state: CusumState,
  input: { standardized: number; raw: number; slack: number },
): void {
  accumulateCusum(state, {
    upward: input.standardized - input.slack,
    downward: -input.standardized - input.slack,
    raw: input.raw,
    decay: 1,
  });
}
