/** Deterministic pseudo-random numbers for tests, benchmarks and simulations. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (mean 0, standard deviation 1). */
  normal(): number;
  /** Picks a category with the given weights (need not sum to 1). */
  pick(weights: Record<string, number>): string;
}

/**
 * Seeded generator (mulberry32 for uniforms, Box–Muller for normals); the same seed gives the same sequence
 * on every runtime.
 *
 * @example
 * const random = createSeededRandom(42);
 * const latency = 800 + 120 * random.normal();
 */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  let spareNormal: number | undefined;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spareNormal !== undefined) {
      const value = spareNormal;
      spareNormal = undefined;
      return value;
    }
    let uniform = next();
    while (uniform <= Number.MIN_VALUE) uniform = next();
    const radius = Math.sqrt(-2 * Math.log(uniform));
    const angle = 2 * Math.PI * next();
    spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  const pick = (weights: Record<string, number>): string => {
    const entries = Object.entries(weights);
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let target = next() * total;
    for (const [category, weight] of entries) {
      target -= weight;
      if (target < 0) return category;
    }
    return entries[entries.length - 1]?.[0] ?? "";
  };
  return { next, normal, pick };
}
