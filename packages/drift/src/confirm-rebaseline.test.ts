import { describe, expect, it } from "vitest";
import { checkUnreportedShift, createRebaselineCandidate } from "./confirm-rebaseline.js";
import { createDriftMonitor } from "./create-drift-monitor.js";
import { createSeededRandom } from "./create-seeded-random.js";

const key = { provider: "openai", model: "gpt-4o", operation: "chat" };

// A transient burst (25 calls at +2σ) raises a verdict; a lasting +0.5σ step follows `gap` calls after it.
function burstThenStep(options: { seed: number; gap: number }): number | undefined {
  const random = createSeededRandom(options.seed);
  const monitor = createDriftMonitor({ meanDetector: "cusum" });
  const burstAt = 500 + 1000;
  const stepAt = burstAt + 25 + options.gap;
  for (let index = 0; index < stepAt + 3000; index += 1) {
    const burst = index >= burstAt && index < burstAt + 25 ? 200 : 0;
    const step = index >= stepAt ? 50 : 0;
    const verdicts = monitor.observe({
      key,
      scalars: { signal: 1000 + 100 * random.normal() + burst + step },
    });
    if (index >= stepAt && verdicts.length > 0) return index - stepAt;
  }
  return undefined;
}

describe("re-baselining after a verdict", () => {
  it("still catches a 0.5σ step 50–550 calls after a transient burst's verdict, on every seed", () => {
    // Without the previous reference armed, most of these would be absorbed by the new reference.
    const delays = Array.from({ length: 40 }, (_, index) =>
      burstThenStep({ seed: index + 1, gap: 50 + index * 12 }),
    );
    expect(delays.filter((delay) => delay === undefined)).toHaveLength(0);
  });

  it("catches a 0.5σ step 0–39 calls after a burst, while the verdict's new reference forms", () => {
    // The run that crosses for the step begins at the burst's verdict, its tail in it, so its level looks
    // like the burst's; the watch for a return (watch-return.ts) sees the stream back at the old level first.
    const delays = Array.from({ length: 40 }, (_, index) => burstThenStep({ seed: 100 + index, gap: index }));
    expect(delays.filter((delay) => delay === undefined)).toHaveLength(0);
  });

  it("reports a lasting change once, then adopts it as the new reference", () => {
    const random = createSeededRandom(3);
    const monitor = createDriftMonitor({ meanDetector: "cusum" });
    let verdicts = 0;
    for (let index = 0; index < 500 + 6000; index += 1) {
      const step = index >= 1500 ? 100 : 0;
      verdicts += monitor.observe({ key, scalars: { signal: 1000 + 100 * random.normal() + step } }).length;
    }
    expect(verdicts).toBe(1);
    const score = monitor.scores().find((entry) => entry.detector === "cusum");
    expect(score?.score).toBeLessThan(1);
  });
});

describe("confirmation before adopting a new reference", () => {
  const settled = (options: { reported: number; reportedCount: number; shift: number }) => {
    const candidate = createRebaselineCandidate({ shift: options.reported, count: options.reportedCount });
    candidate.bufferSum = options.shift * 500;
    return checkUnreportedShift(candidate, { count: 500, referenceCount: 500 }).unreported;
  };

  it("flags a reference settling well short of the reported shift (a step right after a burst)", () => {
    expect(settled({ reported: 2.3, reportedCount: 9, shift: 0.5 })).toBe(true);
    expect(settled({ reported: 2.3, reportedCount: 9, shift: -0.5 })).toBe(true);
  });

  it("adopts quietly what was reported, a change beyond it, or the old level", () => {
    expect(settled({ reported: 0.7, reportedCount: 60, shift: 0.55 })).toBe(false);
    expect(settled({ reported: 1.3, reportedCount: 18, shift: 2 })).toBe(false);
    expect(settled({ reported: 2.3, reportedCount: 9, shift: 0.05 })).toBe(false);
  });
});
