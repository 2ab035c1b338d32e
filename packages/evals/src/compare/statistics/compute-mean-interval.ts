import { studentTQuantile } from "./student-t-quantile.js";

/** A sample's mean with its two-sided 95% t interval (mean ± t₀.₉₇₅,ₙ₋₁ · s/√n). */
export interface MeanInterval {
  mean: number;
  /** [low, high]; [mean, mean] for a single value or no spread. */
  interval: [number, number];
  count: number;
}

/** Mean and 95% Student t interval of `values`; `undefined` for an empty sample. */
export function computeMeanInterval(values: readonly number[]): MeanInterval | undefined {
  const count = values.length;
  if (count === 0) return undefined;
  const mean = values.reduce((sum, value) => sum + value, 0) / count;
  if (count === 1) return { mean, interval: [mean, mean], count };
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (count - 1);
  const half =
    studentTQuantile({ probability: 0.975, degreesOfFreedom: count - 1 }) * Math.sqrt(variance / count);
  return { mean, interval: [mean - half, mean + half], count };
}
