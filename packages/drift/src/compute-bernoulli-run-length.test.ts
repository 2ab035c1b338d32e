import { describe, expect, it } from "vitest";
import { computeBernoulliRunLength } from "./compute-bernoulli-run-length.js";
import { createSeededRandom } from "./create-seeded-random.js";

function simulateRunLength(options: {
  jump: number;
  step: number;
  threshold: number;
  probability: number;
}): number {
  const random = createSeededRandom(17);
  let statistic = 0;
  let alarms = 0;
  const calls = 2_000_000;
  for (let index = 0; index < calls; index += 1) {
    statistic = Math.max(0, statistic + (random.next() < options.probability ? options.jump : -options.step));
    if (statistic > options.threshold) {
      alarms += 1;
      statistic = 0;
    }
  }
  return calls / alarms;
}

describe("computeBernoulliRunLength", () => {
  it("is the geometric wait 1/p when a single outcome crosses the threshold", () => {
    expect(computeBernoulliRunLength({ jump: 10, step: 1, threshold: 5, probability: 0.02 })).toBeCloseTo(
      50,
      6,
    );
  });

  it("matches a simulated chart (in control and after a tripling)", () => {
    for (const probability of [0.02, 0.06]) {
      const chart = { jump: 26, step: 1, threshold: 150, probability };
      const exact = computeBernoulliRunLength(chart);
      expect(Math.abs(exact / simulateRunLength(chart) - 1)).toBeLessThan(0.1);
    }
  });
});
