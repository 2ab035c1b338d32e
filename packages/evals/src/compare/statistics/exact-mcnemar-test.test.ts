import { describe, expect, it } from "vitest";
import { exactMcNemarTest } from "./exact-mcnemar-test.js";

describe("exactMcNemarTest", () => {
  // Two-sided p = min(1, 2 · Σ_{k ≤ min(b, c)} C(b + c, k) / 2^(b + c)), computed by hand.
  it.each([
    [5, 0, 2 / 32], // 0.0625: five regressions and no fixes are not yet significant at 0.05
    [6, 0, 2 / 64], // 0.03125
    [3, 1, (2 * (1 + 4)) / 16], // 0.625
    [1, 3, (2 * (1 + 4)) / 16], // symmetric
    [8, 2, (2 * (1 + 10 + 45)) / 1024], // 0.109375
    [0, 0, 1], // no discordant pairs
    [10, 10, 1], // capped at 1
  ])("b = %i, c = %i → p = %f", (baselineOnly, candidateOnly, expected) => {
    expect(exactMcNemarTest({ baselineOnly, candidateOnly })).toBeCloseTo(expected, 12);
  });

  it("stays finite for thousands of discordant pairs", () => {
    const p = exactMcNemarTest({ baselineOnly: 1100, candidateOnly: 900 });
    // Normal approximation: z = (200 - 1) / √2000 = 4.45 → p ≈ 8.6e-6.
    expect(p).toBeGreaterThan(1e-6);
    expect(p).toBeLessThan(2e-5);
  });
});
