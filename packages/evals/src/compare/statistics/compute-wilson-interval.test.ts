import { describe, expect, it } from "vitest";
import { computeWilsonInterval } from "./compute-wilson-interval.js";

describe("computeWilsonInterval", () => {
  it("matches the hand-computed 95% interval for 15 of 20", () => {
    // p = 0.75, z² = 3.841459: center = (0.75 + z²/40) / (1 + z²/20) = 0.709721,
    // half = z / (1 + z²/20) · √(0.75·0.25/20 + z²/1600) = 0.178420 → [0.531301, 0.888141].
    const [low, high] = computeWilsonInterval({ successes: 15, trials: 20 });
    expect(low).toBeCloseTo(0.5313, 4);
    expect(high).toBeCloseTo(0.8881, 4);
  });

  it("stays inside [0, 1] at 0 of 10 and 10 of 10 (Newcombe 1998, table I: 0/10 → 0 to 0.2775)", () => {
    const [zeroLow, zeroHigh] = computeWilsonInterval({ successes: 0, trials: 10 });
    expect(zeroLow).toBe(0);
    expect(zeroHigh).toBeCloseTo(0.2775, 4);
    const [allLow, allHigh] = computeWilsonInterval({ successes: 10, trials: 10 });
    expect(allLow).toBeCloseTo(0.7225, 4);
    expect(allHigh).toBe(1);
  });

  it("is uninformative without trials", () => {
    expect(computeWilsonInterval({ successes: 0, trials: 0 })).toEqual([0, 1]);
  });
});
