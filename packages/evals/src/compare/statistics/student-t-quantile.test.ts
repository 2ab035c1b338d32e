import { describe, expect, it } from "vitest";
import { computeMeanInterval } from "./compute-mean-interval.js";
import { studentTQuantile } from "./student-t-quantile.js";

describe("studentTQuantile", () => {
  // Two-sided 95% critical values from any printed t table (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
  it.each([
    [1, 12.7062],
    [4, 2.7764],
    [10, 2.2281],
    [19, 2.093],
    [30, 2.0423],
    [1000, 1.9623],
  ])("t(0.975, %i) = %f", (degreesOfFreedom, expected) => {
    expect(studentTQuantile({ probability: 0.975, degreesOfFreedom })).toBeCloseTo(expected, 3);
  });

  it("is symmetric and 0 at the median", () => {
    expect(studentTQuantile({ probability: 0.025, degreesOfFreedom: 10 })).toBeCloseTo(-2.2281, 3);
    expect(studentTQuantile({ probability: 0.5, degreesOfFreedom: 3 })).toBe(0);
  });
});

describe("computeMeanInterval", () => {
  it("gives mean ± t·s/√n, by hand for 1..5", () => {
    // mean 3, s = √2.5 = 1.581139, s/√5 = 0.707107, t(0.975, 4) = 2.776445 → half 1.963243.
    const result = computeMeanInterval([1, 2, 3, 4, 5]);
    expect(result?.mean).toBe(3);
    expect(result?.interval[0]).toBeCloseTo(1.036757, 5);
    expect(result?.interval[1]).toBeCloseTo(4.963243, 5);
  });

  it("collapses to the mean without spread, and is undefined for no values", () => {
    expect(computeMeanInterval([0.5, 0.5, 0.5])?.interval).toEqual([0.5, 0.5]);
    expect(computeMeanInterval([0.7])?.interval).toEqual([0.7, 0.7]);
    expect(computeMeanInterval([])).toBeUndefined();
  });
});
