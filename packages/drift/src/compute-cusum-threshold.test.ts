import { describe, expect, it } from "vitest";
import { computeCusumDelay, computeCusumThreshold } from "./compute-cusum-threshold.js";

describe("computeCusumThreshold", () => {
  it("reproduces the textbook run length of k = 0.5, h = 5 (about 930 one-sided)", () => {
    // Montgomery tabulates ARL0 ≈ 465 for the two-sided chart, twice that per side.
    const threshold = computeCusumThreshold({ slack: 0.5, falseAlarmRate: 1 / 465, referenceSize: 1e12 });
    expect(threshold).toBeGreaterThan(4.7);
    expect(threshold).toBeLessThan(5.3);
  });

  it("widens the threshold for a smaller reference and a smaller false-alarm budget", () => {
    const large = computeCusumThreshold({ slack: 0.375, falseAlarmRate: 2e-5, referenceSize: 5000 });
    const small = computeCusumThreshold({ slack: 0.375, falseAlarmRate: 2e-5, referenceSize: 100 });
    const strict = computeCusumThreshold({ slack: 0.375, falseAlarmRate: 1e-6, referenceSize: 5000 });
    expect(small).toBeGreaterThan(large);
    expect(strict).toBeGreaterThan(large);
  });

  it("predicts short delays for large shifts", () => {
    const threshold = computeCusumThreshold({ slack: 0.375, falseAlarmRate: 2e-5, referenceSize: 500 });
    expect(computeCusumDelay({ slack: 0.375, threshold, shift: 2 })).toBeLessThan(11);
  });
});
