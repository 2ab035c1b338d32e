import { describe, expect, it } from "vitest";
import { runStream } from "./__fixtures__/run-stream.js";
import { checkPracticalSignificance } from "./check-practical-significance.js";
import type { DriftMonitorOptions } from "./types.js";

// A fast loopback: about 2 ms a call, with a JIT that keeps warming for a few hundred calls after the
// default monitor's 10 skipped ones, so the reference is a fraction of a millisecond slower than what follows.
function loopbackAlarms(monitor: DriftMonitorOptions): number {
  let alarms = 0;
  for (let seed = 1; seed <= 10; seed += 1) {
    const run = runStream({
      seed,
      length: 10_000,
      monitor: { warmupSize: 10, ...monitor },
      generate: ({ random, index }) => ({
        scalars: { duration: (0.002 + 0.0012 * Math.exp(-index / 300)) * Math.exp(0.2 * random.normal()) },
      }),
    });
    alarms += run.falseAlarms.length;
  }
  return alarms;
}

describe("practical significance", () => {
  it("keeps a loopback's JIT warm-up (a millisecond) from raising latency verdicts", () => {
    expect(loopbackAlarms({ minimumEffect: { duration: { relative: 0, absolute: 0 } } })).toBeGreaterThan(0);
    expect(loopbackAlarms({})).toBe(0);
  });

  it("needs both bounds: the relative share of the reference mean and the absolute amount", () => {
    const verdict = {
      kind: "drift" as const,
      detector: "cusum",
      statistic: 12,
      threshold: 10,
      score: 1.2,
      reference: { count: 500, mean: 1, std: 0.2 },
      current: { count: 40, mean: 1.04, std: 0.2 },
    };
    expect(checkPracticalSignificance({ verdict, effect: { relative: 0.03, absolute: 0.005 } })).toBe(true);
    expect(checkPracticalSignificance({ verdict, effect: { relative: 0.05, absolute: 0.005 } })).toBe(false);
    expect(checkPracticalSignificance({ verdict, effect: { relative: 0.03, absolute: 0.05 } })).toBe(false);
    expect(checkPracticalSignificance({ verdict, effect: { relative: 0, absolute: 0 } })).toBe(true);
  });

  it("judges a distance verdict by its spread too, and a categorical one by the largest share change", () => {
    const spread = {
      kind: "drift" as const,
      detector: "psi",
      statistic: 0.3,
      threshold: 0.1,
      score: 3,
      reference: { count: 500, mean: 1, std: 0.2 },
      current: { count: 250, mean: 1, std: 0.4 },
    };
    expect(checkPracticalSignificance({ verdict: spread, effect: { relative: 0.03, absolute: 0.005 } })).toBe(
      true,
    );
    const refusals = {
      kind: "drift" as const,
      detector: "jensen_shannon",
      statistic: 0.2,
      threshold: 0.1,
      score: 2,
      reference: { count: 500, distribution: { yes: 0.02, no: 0.98 } },
      current: { count: 250, distribution: { yes: 0.025, no: 0.975 } },
    };
    expect(checkPracticalSignificance({ verdict: refusals, effect: { relative: 0, absolute: 0.01 } })).toBe(
      false,
    );
    expect(checkPracticalSignificance({ verdict: refusals, effect: { relative: 0, absolute: 0.004 } })).toBe(
      true,
    );
  });
});
