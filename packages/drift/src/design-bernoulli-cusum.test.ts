import { describe, expect, it } from "vitest";
import { DEFAULT_BERNOULLI_THRESHOLDS } from "./bernoulli-design-table.js";
import { computeBernoulliRunLength } from "./compute-bernoulli-run-length.js";
import { designBernoulliCusum } from "./design-bernoulli-cusum.js";

const defaults = { count: 500, ratio: 3, minimumEffect: 0.01, falseAlarmRate: 0.00002 };

describe("designBernoulliCusum", () => {
  it("tunes for a tripling of the reference rate with an in-control run length beyond the budget", () => {
    const design = designBernoulliCusum({ ...defaults, hits: 10 });
    expect(design.rate).toBeCloseTo(0.02, 10);
    expect(design.designRate).toBeCloseTo(0.06, 10);
    const inControl = computeBernoulliRunLength({ ...design, probability: design.rate });
    expect(inControl).toBeGreaterThan(1 / defaults.falseAlarmRate);
    // And a tripled rate is seen within a few hundred calls on average.
    expect(computeBernoulliRunLength({ ...design, probability: design.designRate })).toBeLessThan(400);
  });

  it("never watches a zero rate: a reference without the outcome is floored at one in the reference", () => {
    const design = designBernoulliCusum({ ...defaults, hits: 0 });
    expect(design.rate).toBeCloseTo(1 / 500, 10);
    expect(design.designRate).toBeGreaterThanOrEqual(design.rate + defaults.minimumEffect - 1e-12);
    expect(Number.isFinite(design.threshold)).toBe(true);
  });

  it("widens the threshold when the reference says less about the rate", () => {
    const small = designBernoulliCusum({ ...defaults, count: 200, hits: 4 });
    const large = designBernoulliCusum({ ...defaults, count: 5000, hits: 100 });
    expect(small.threshold * small.unit).toBeGreaterThan(large.threshold * large.unit);
  });
});

describe("the precomputed thresholds of the default refusal watch", () => {
  const watch = { ratio: 3, minimumEffect: 0.01, falseAlarmRate: 0.00002 };

  it.each([
    [500, 0],
    [500, 1],
    [1500, 7],
    [4000, 3],
    [2500, 40],
  ])("equal a fresh design for %i calls with %i outcomes", (count, hits) => {
    const tabled = designBernoulliCusum({ hits, count, ...watch });
    const fresh = designBernoulliCusum({ hits, count, ...watch, table: false });
    expect(tabled).toEqual(fresh);
  });

  it("cover every reference a stream can hold (500 to 4,000 calls in blocks of 500) with up to 40 outcomes", () => {
    for (let count = 500; count <= 4000; count += 500) {
      for (let hits = 0; hits <= 40; hits += 1) {
        expect(DEFAULT_BERNOULLI_THRESHOLDS[`${count}:${hits}`], `${count}:${hits}`).toBeGreaterThan(0);
      }
    }
  });
});
