// Siegmund's approximation of a one-sided CUSUM's average run length for unit-variance increments with
// drift `mean - slack`: ARL ≈ (e^(-2Δb) + 2Δb − 1) / (2Δ²), b = h + 1.166 (Siegmund 1985, eq. 2.56).
function computeRunLength(options: { drift: number; threshold: number }): number {
  const b = options.threshold + 1.166;
  const drift = options.drift;
  if (Math.abs(drift) < 1e-9) return b * b;
  return (Math.exp(-2 * drift * b) + 2 * drift * b - 1) / (2 * drift * drift);
}

/**
 * Decision threshold `h` (in standard deviations) of a two-sided CUSUM with slack `k`, so that a stationary
 * stream raises on average one alarm per `1 / falseAlarmRate` observations.
 *
 * The reference mean is itself estimated from `referenceSize` observations; its standard error (1/√n)
 * is taken off the slack before solving, so a small reference gets a wider threshold instead of more alarms.
 */
export function computeCusumThreshold(options: {
  slack: number;
  falseAlarmRate: number;
  referenceSize: number;
}): number {
  // Two one-sided charts share the budget, each gets half the alarm rate.
  const targetRunLength = 2 / options.falseAlarmRate;
  const effectiveSlack = Math.max(0.05, options.slack - 1 / Math.sqrt(Math.max(1, options.referenceSize)));
  let low = 0;
  let high = 1000;
  for (let iteration = 0; iteration < 100; iteration += 1) {
    const middle = (low + high) / 2;
    if (computeRunLength({ drift: -effectiveSlack, threshold: middle }) < targetRunLength) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * Expected detection delay of a one-sided CUSUM for a mean shift of `shift` standard deviations.
 */
export function computeCusumDelay(options: { slack: number; threshold: number; shift: number }): number {
  return computeRunLength({ drift: options.shift - options.slack, threshold: options.threshold });
}
