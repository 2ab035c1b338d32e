/**
 * Round axis ticks from 0 up to at least `max`: steps of 1, 2, 2.5 or 5 times a power of ten, about
 * `count` of them. A `max` of 0 or less (an empty chart) gives `[0, 1]`.
 * @example niceTicks(87); // [0, 25, 50, 75, 100]
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  const steps = Math.ceil(max / step - 1e-9);
  return Array.from({ length: steps + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}

/** A linear map from a domain to a pixel range; a zero-width domain maps to the range's start. */
export function createLinearScale(options: {
  domain: readonly [number, number];
  range: readonly [number, number];
}): (value: number) => number {
  const [d0, d1] = options.domain;
  const [r0, r1] = options.range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}
