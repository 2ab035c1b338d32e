import { describe, expect, it } from "vitest";
import { computeChiSquareQuantile } from "./compute-chi-square-quantile.js";
import { computeNormalQuantile } from "./compute-normal-quantile.js";

describe("computeNormalQuantile", () => {
  it("matches tabulated normal quantiles", () => {
    expect(computeNormalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(computeNormalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(computeNormalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(computeNormalQuantile(0.99999)).toBeCloseTo(4.264891, 4);
  });
});

describe("computeChiSquareQuantile", () => {
  it("is within 1% of tabulated chi-square quantiles", () => {
    expect(computeChiSquareQuantile({ degreesOfFreedom: 9, probability: 0.999 })).toBeCloseTo(27.877, 0);
    expect(computeChiSquareQuantile({ degreesOfFreedom: 2, probability: 0.95 }) / 5.991).toBeCloseTo(1, 1);
    expect(computeChiSquareQuantile({ degreesOfFreedom: 15, probability: 0.9995 }) / 39.252).toBeCloseTo(
      1,
      1,
    );
  });
});
