/** The normal quantile for a two-sided 95% interval, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval of a proportion (`successes` of `trials`), 95% by default. Unlike the Wald interval
 * it stays inside [0, 1] and is sensible at 0/n and n/n, which small eval sets hit all the time.
 * Zero trials give the uninformative [0, 1].
 */
export function computeWilsonInterval(options: {
  successes: number;
  trials: number;
  z?: number;
}): [number, number] {
  const { successes, trials } = options;
  const z = options.z ?? Z_95;
  if (trials <= 0) return [0, 1];
  const proportion = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (proportion + z2 / (2 * trials)) / denominator;
  const half =
    (z / denominator) * Math.sqrt((proportion * (1 - proportion)) / trials + z2 / (4 * trials * trials));
  // At 0/n and n/n the bound is exactly 0 or 1; rounding would leave 1e-16 off.
  return [
    successes <= 0 ? 0 : Math.max(0, center - half),
    successes >= trials ? 1 : Math.min(1, center + half),
  ];
}
