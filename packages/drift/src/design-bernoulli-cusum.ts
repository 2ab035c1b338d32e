import { DEFAULT_BERNOULLI_THRESHOLDS } from "./bernoulli-design-table.js";
import { computeBernoulliRunLength } from "./compute-bernoulli-run-length.js";
import { computeNormalQuantile } from "./compute-normal-quantile.js";

/** An integer Bernoulli CUSUM designed from a reference: add `jump` per watched outcome, take `step` off otherwise. */
export interface BernoulliCusumDesign {
  /** In-control rate of the watched outcome (the reference's, floored). */
  rate: number;
  /** The out-of-control rate the chart is tuned for. */
  designRate: number;
  jump: number;
  step: number;
  /** Alarm once the chart exceeds this many units. */
  threshold: number;
  /** Log-likelihood ratio (nats) of one unit, to report statistics in nats. */
  unit: number;
}

// Below one in a thousand, the chain's jump (and its cost) grows without a matching gain: a rarer outcome is
// watched as if it were this frequent.
const rateFloor = 0.001;
// The jump is scaled to at least this many units, so rounding the log-likelihood ratio costs under 3%.
const jumpResolution = 20;
// Equal-probability points over the in-control rate the reference leaves open.
const posteriorPoints = 8;

function createPosteriorRates(options: { hits: number; count: number }): number[] {
  // Jeffreys posterior, on the arcsine scale where its spread is 1 / (2√n) whatever the rate.
  const { hits, count } = options;
  const center = Math.asin(Math.sqrt((hits + 0.5) / (count + 1)));
  const spread = 1 / (2 * Math.sqrt(count));
  const rates: number[] = [];
  for (let index = 0; index < posteriorPoints; index += 1) {
    const angle = center + spread * computeNormalQuantile((index + 0.5) / posteriorPoints);
    const clamped = Math.min(Math.PI / 2, Math.max(0, angle));
    rates.push(Math.sin(clamped) ** 2);
  }
  return rates;
}

// Whether the alarm rate averaged over the plausible in-control rates stays within the budget. The highest rates
// weigh most, so they go first and a threshold that fails is usually rejected after one or two run lengths.
function checkAlarmRate(options: {
  design: Omit<BernoulliCusumDesign, "threshold">;
  threshold: number;
  rates: readonly number[];
  falseAlarmRate: number;
}): boolean {
  const budget = options.falseAlarmRate * options.rates.length;
  let sum = 0;
  for (let index = options.rates.length - 1; index >= 0; index -= 1) {
    const length = computeBernoulliRunLength({
      jump: options.design.jump,
      step: options.design.step,
      threshold: options.threshold,
      probability: options.rates[index] as number,
    });
    sum += 1 / Math.max(1, length);
    if (sum > budget) return false;
  }
  return true;
}

/**
 * Designs a one-sided Bernoulli CUSUM for an increase of a rare outcome's rate, from `hits` of `count` reference
 * observations: tuned for `ratio` times the reference rate (at least `minimumEffect` above it), with the smallest
 * threshold whose false-alarm rate, averaged over the in-control rates the reference leaves plausible, is at most
 * `falseAlarmRate` per observation (run lengths from the exact Markov chain, not tuned on any stream).
 */
export function designBernoulliCusum(options: {
  hits: number;
  count: number;
  ratio: number;
  minimumEffect: number;
  falseAlarmRate: number;
  /** Use the precomputed thresholds of the default watch where they apply. Default: true. */
  table?: boolean;
}): BernoulliCusumDesign {
  const count = Math.max(1, options.count);
  const rate = Math.min(0.5, Math.max(rateFloor, Math.max(1, options.hits) / count));
  const designRate = Math.min((1 + rate) / 2, Math.max(options.ratio * rate, rate + options.minimumEffect));
  const up = Math.log(designRate / rate);
  const down = -Math.log((1 - designRate) / (1 - rate));
  const step = Math.max(1, Math.ceil((jumpResolution * down) / up));
  const jump = Math.max(1, Math.round((step * up) / down));
  const partial = { rate, designRate, jump, step, unit: down / step };
  // Designing for a reference with a handful of outcomes takes up to a few hundred milliseconds, far too long on a
  // call's path: the default watch's thresholds for those references are precomputed, others are memoised.
  const tabled = options.table === false ? undefined : lookUpDefaultThreshold(options);
  if (tabled !== undefined) return { ...partial, threshold: tabled };
  const memoKey = `${options.hits}:${count}:${options.ratio}:${options.minimumEffect}:${options.falseAlarmRate}`;
  const memoised = options.table === false ? undefined : designMemo.get(memoKey);
  if (memoised !== undefined) return { ...partial, threshold: memoised };
  const rates = createPosteriorRates({ hits: options.hits, count });
  const meets = (threshold: number) =>
    checkAlarmRate({ design: partial, threshold, rates, falseAlarmRate: options.falseAlarmRate });
  // Bracket by doubling from one jump, then bisect to within 1% (keeping the side that meets the budget).
  let low = jump;
  let high = 2 * jump;
  while (!meets(high) && high < 1_000_000) {
    low = high;
    high *= 2;
  }
  while (high - low > Math.max(1, 0.01 * high)) {
    const middle = Math.floor((low + high) / 2);
    if (meets(middle)) high = middle;
    else low = middle;
  }
  if (designMemo.size >= DESIGN_MEMO_LIMIT) designMemo.clear();
  designMemo.set(memoKey, high);
  return { ...partial, threshold: high };
}

const DESIGN_MEMO_LIMIT = 1024;
const designMemo = new Map<string, number>();

function lookUpDefaultThreshold(options: {
  hits: number;
  count: number;
  ratio: number;
  minimumEffect: number;
  falseAlarmRate: number;
}): number | undefined {
  if (options.ratio !== 3 || options.minimumEffect !== 0.01 || options.falseAlarmRate !== 0.00002)
    return undefined;
  return DEFAULT_BERNOULLI_THRESHOLDS[`${options.count}:${options.hits}`];
}
