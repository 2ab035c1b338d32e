import { describe, expect, it } from "vitest";
import { computeJensenShannonDistance } from "./compute-jensen-shannon-distance.js";
import { computePopulationStability } from "./compute-population-stability.js";
import { createQuantileBins, findBinIndex } from "./create-quantile-bins.js";

describe("computePopulationStability", () => {
  it("is zero for equal shares and grows with the shift", () => {
    const reference = [10, 10, 10, 10];
    expect(
      computePopulationStability({ referenceCounts: reference, currentCounts: [5, 5, 5, 5], pseudoCount: 0 }),
    ).toBe(0);
    const small = computePopulationStability({
      referenceCounts: reference,
      currentCounts: [6, 5, 5, 4],
      pseudoCount: 0,
    });
    const large = computePopulationStability({
      referenceCounts: reference,
      currentCounts: [12, 4, 2, 2],
      pseudoCount: 0,
    });
    expect(small).toBeGreaterThan(0);
    expect(large).toBeGreaterThan(small);
  });

  it("stays finite with an empty bin", () => {
    const value = computePopulationStability({
      referenceCounts: [5, 5],
      currentCounts: [10, 0],
      pseudoCount: 0.5,
    });
    expect(Number.isFinite(value)).toBe(true);
  });
});

describe("computeJensenShannonDistance", () => {
  it("is 0 for equal mixes and 1 for disjoint ones", () => {
    expect(
      computeJensenShannonDistance({
        referenceCounts: { stop: 9, length: 1 },
        currentCounts: { stop: 90, length: 10 },
      }),
    ).toBeCloseTo(0, 12);
    expect(
      computeJensenShannonDistance({ referenceCounts: { stop: 5 }, currentCounts: { length: 5 } }),
    ).toBeCloseTo(1, 12);
  });
});

describe("createQuantileBins", () => {
  it("makes equal-mass bins and merges tied edges without empty bins", () => {
    const values = Array.from({ length: 100 }, (_, index) => index);
    const bins = createQuantileBins({ sortedValues: values, bins: 10 });
    expect(bins.counts).toEqual(new Array(10).fill(10));
    const tied = createQuantileBins({ sortedValues: [1, 1, 1, 1, 1, 1, 2, 2, 3, 4], bins: 5 });
    expect(tied.counts.every((count) => count > 0)).toBe(true);
    expect(tied.counts.reduce((sum, count) => sum + count, 0)).toBe(10);
    expect(findBinIndex(tied.edges, 0)).toBe(0);
  });
});
