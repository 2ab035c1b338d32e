import { describe, expect, it } from "vitest";
import { createDriftMonitor } from "./create-drift-monitor.js";
import { getSeasonalBucket } from "./create-seasonal-profile.js";
import { createSeededRandom } from "./create-seeded-random.js";
import type { DriftMonitorOptions } from "./types.js";

const key = { provider: "openai", model: "gpt-4o", operation: "chat" };
const day = 86_400_000;
const callsPerDay = 4000;

// Latency around 1.5 s (log-σ 0.4) with a ±15% daily cycle; `factor` scales it from `changeAt` on.
function run(options: { seed: number; days: number; monitor: DriftMonitorOptions; changeAt?: number }): {
  alarms: number[];
} {
  const random = createSeededRandom(options.seed);
  const monitor = createDriftMonitor(options.monitor);
  const alarms: number[] = [];
  for (let index = 0; index < options.days * callsPerDay; index += 1) {
    const factor = options.changeAt !== undefined && index >= options.changeAt ? 1.3 : 1;
    const cycle = 1 + 0.15 * Math.sin((2 * Math.PI * index) / callsPerDay);
    const duration = factor * 1.5 * Math.exp(0.4 * random.normal()) * cycle;
    const verdicts = monitor.observe({ key, timestamp: (index * day) / callsPerDay, scalars: { duration } });
    if (verdicts.length > 0) alarms.push(index);
  }
  return { alarms };
}

describe("seasonal reference", () => {
  it("maps timestamps to phases of the cycle", () => {
    expect(getSeasonalBucket(0, { period: day, buckets: 24 })).toBe(0);
    expect(getSeasonalBucket(day / 2, { period: day, buckets: 24 })).toBe(12);
    expect(getSeasonalBucket(day - 1, { period: day, buckets: 24 })).toBe(23);
    expect(getSeasonalBucket(-1, { period: day, buckets: 24 })).toBe(23);
  });

  it("keeps a ±15% daily latency cycle quiet that the plain reference alarms on", () => {
    let plain = 0;
    let seasonal = 0;
    for (let seed = 1; seed <= 4; seed += 1) {
      plain += run({ seed, days: 6, monitor: {} }).alarms.length;
      seasonal += run({ seed, days: 6, monitor: { seasonalPeriodMilliseconds: day } }).alarms.length;
    }
    expect(plain).toBeGreaterThan(10);
    expect(seasonal).toBeLessThanOrEqual(2);
  });

  it("waits for a whole cycle, then still catches a 30% latency step on the cycle", () => {
    for (let seed = 1; seed <= 5; seed += 1) {
      const changeAt = 3 * callsPerDay + seed * 97;
      const { alarms } = run({ seed, days: 4, monitor: { seasonalPeriodMilliseconds: day }, changeAt });
      expect(alarms.every((index) => index >= changeAt)).toBe(true);
      expect((alarms[0] ?? Number.POSITIVE_INFINITY) - changeAt).toBeLessThan(300);
    }
  });

  it("survives a snapshot taken while the phases are learned", () => {
    const monitor = createDriftMonitor({ seasonalPeriodMilliseconds: day });
    const random = createSeededRandom(1);
    for (let index = 0; index < 1200; index += 1)
      monitor.observe({
        key,
        timestamp: (index * day) / callsPerDay,
        scalars: { duration: 1 + random.next() },
      });
    const restored = createDriftMonitor({
      seasonalPeriodMilliseconds: day,
      initialState: JSON.parse(JSON.stringify(monitor.snapshot())),
    });
    for (let index = 1200; index < 3 * callsPerDay; index += 1)
      restored.observe({
        key,
        timestamp: (index * day) / callsPerDay,
        scalars: { duration: 1 + random.next() },
      });
    expect(restored.scores().some((score) => score.detector === "cusum")).toBe(true);
  });
});
