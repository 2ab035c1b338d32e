import { describe, expect, it } from "vitest";
import { normalCdf } from "./normal-cdf.js";
import { wilcoxonSignedRankTest } from "./wilcoxon-signed-rank-test.js";

describe("wilcoxonSignedRankTest", () => {
  it("is exact for small samples: all of 1..5 positive → W⁺ = 15, p = 2/32", () => {
    // Only one of the 2⁵ sign assignments reaches W⁺ = 15.
    expect(wilcoxonSignedRankTest([1, 2, 3, 4, 5])).toEqual({
      statistic: 15,
      nonZero: 5,
      pValue: 0.0625,
      method: "exact",
    });
  });

  it("counts the tail: −1, 2, 3, 4, 5 → W⁺ = 14, p = 2 · 2/32", () => {
    // W⁺ ≥ 14 ⇔ W⁻ ≤ 1: the assignments with W⁻ = 0 or W⁻ = 1.
    const result = wilcoxonSignedRankTest([-1, 2, 3, 4, 5]);
    expect(result.statistic).toBe(14);
    expect(result.pValue).toBeCloseTo(0.125, 12);
  });

  it("drops zero differences", () => {
    expect(wilcoxonSignedRankTest([0, 0, 5, 4, 3, 2, 1]).pValue).toBeCloseTo(0.0625, 12);
  });

  it("uses mid-ranks for ties: on ±1 differences it is the sign test", () => {
    // Six ties at rank 3.5, all positive: 1 of 2⁶ → p = 2/64.
    expect(wilcoxonSignedRankTest([1, 1, 1, 1, 1, 1]).pValue).toBeCloseTo(0.03125, 12);
    // Three of four positive: P(≥ 3 positives) = 5/16 → p = 0.625, as the exact McNemar on b = 3, c = 1.
    const result = wilcoxonSignedRankTest([1, 1, -1, 1]);
    expect(result.statistic).toBe(7.5);
    expect(result.pValue).toBeCloseTo(0.625, 12);
  });

  it("is 1 when nothing changed", () => {
    expect(wilcoxonSignedRankTest([0, 0, 0]).pValue).toBe(1);
    expect(wilcoxonSignedRankTest([]).pValue).toBe(1);
  });

  it("uses the normal approximation above 50 differences", () => {
    // Differences 1..51, the 30 smallest negative: W⁺ = 31 + … + 51 = 861; mean 51·52/4 = 663,
    // variance 51·52·103/24 = 11381.5, z = (198 − 0.5)/√11381.5 = 1.851278 → p = 2(1 − Φ(z)) ≈ 0.0641.
    const differences = Array.from({ length: 51 }, (_, index) => (index < 30 ? -(index + 1) : index + 1));
    const result = wilcoxonSignedRankTest(differences);
    expect(result.method).toBe("normal");
    expect(result.statistic).toBe(861);
    expect(result.pValue).toBeCloseTo(2 * (1 - normalCdf(197.5 / Math.sqrt(11381.5))), 12);
    expect(result.pValue).toBeCloseTo(0.0641, 3);
  });
});

describe("normalCdf", () => {
  it("matches the standard normal table", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });
});
