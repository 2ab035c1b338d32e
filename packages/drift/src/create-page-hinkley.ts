import { accumulateCusum, type CusumState, createCusum } from "./create-cusum.js";

/** Plain-data state of a two-sided Page-Hinkley test. */
export interface PageHinkleyState extends CusumState {
  /** Observations in the running mean, including the prior weight. */
  count: number;
  /** Running mean of the standardised values. */
  mean: number;
}

/**
 * Fresh Page-Hinkley state (Page 1954; Hinkley 1971; MOA's `PageHinkleyDM`). Unlike CUSUM it compares each value
 * with the running mean, not the reference mean; `priorWeight` observations at the reference mean (0) seed it.
 */
export function createPageHinkley(priorWeight: number): PageHinkleyState {
  return { ...createCusum(), count: priorWeight, mean: 0 };
}

/**
 * Feeds one standardised value: `mean += (z − mean)/n`, `m⁺ = max(0, α·m⁺ + z − mean − δ)` and the mirror
 * for downward shifts. An alarm is `max(m⁺, m⁻) > λ`.
 */
export function updatePageHinkley(
  state: PageHinkleyState,
  input: { standardized: number; raw: number; magnitude: number; fading: number },
): void {
  state.count += 1;
  state.mean += (input.standardized - state.mean) / state.count;
  const deviation = input.standardized - state.mean;
  accumulateCusum(state, {
    upward: deviation - input.magnitude,
    downward: -deviation - input.magnitude,
    raw: input.raw,
    decay: input.fading,
  });
}
