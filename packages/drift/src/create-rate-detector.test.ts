import { describe, expect, it } from "vitest";
import { median, runStream, testKey } from "./__fixtures__/run-stream.js";
import { createDriftMonitor } from "./create-drift-monitor.js";
import { createSeededRandom } from "./create-seeded-random.js";

const refusals =
  (before: number, after: number) =>
  ({ random, changed }: { random: { next(): number }; changed: boolean }) => ({
    categories: { refusal: random.next() < (changed ? after : before) ? "yes" : "no" },
  });

describe("Bernoulli CUSUM on the refusal rate", () => {
  it("sees a refusal rate going from 2% to 6% after a median under 500 calls, every seed within 2,000", () => {
    const delays: number[] = [];
    for (let seed = 1; seed <= 20; seed += 1) {
      const monitor = createDriftMonitor();
      const random = createSeededRandom(seed);
      let delay = Number.POSITIVE_INFINITY;
      for (let index = 0; index < 4500; index += 1) {
        const since = index - 1500;
        const refusal = random.next() < (since >= 0 ? 0.06 : 0.02) ? "yes" : "no";
        const verdicts = monitor
          .observe({ key: testKey, categories: { refusal } })
          .filter((verdict) => verdict.detector === "bernoulli_cusum");
        if (verdicts.length === 0) continue;
        expect(since).toBeGreaterThanOrEqual(0);
        expect(verdicts[0]?.direction).toBe("up");
        expect(verdicts[0]?.current.distribution?.yes).toBeGreaterThan(0.03);
        delay = since;
        break;
      }
      delays.push(delay);
    }
    expect(median(delays)).toBeLessThan(500);
    expect(Math.max(...delays)).toBeLessThan(2000);
  });

  it("stays silent on 100,000 stationary calls at 2%", () => {
    const run = runStream({ seed: 7, length: 100_000, generate: refusals(0.02, 0.02) });
    expect(run.falseAlarms.filter((verdict) => verdict.detector === "bernoulli_cusum")).toEqual([]);
  });

  it("watches the outcome the options name, and none when turned off", () => {
    const custom = runStream({
      seed: 3,
      length: 3000,
      changeAfter: 500,
      monitor: { rateOutcomes: { refusal: false, error_type: "timeout" } },
      generate: ({ random, changed }) => ({
        categories: {
          refusal: random.next() < (changed ? 0.2 : 0.02) ? "yes" : "no",
          error_type: random.next() < (changed ? 0.08 : 0.02) ? "timeout" : "none",
        },
      }),
      keepGoing: true,
    });
    const rated = custom.detections.filter((verdict) => verdict.detector === "bernoulli_cusum");
    expect(rated.length).toBeGreaterThan(0);
    expect(rated.every((verdict) => verdict.signal === "error_type")).toBe(true);
  });

  it("reports one lasting change once, then adopts the new rate as its reference", () => {
    const run = runStream({
      seed: 5,
      length: 6000,
      changeAfter: 500,
      generate: refusals(0.02, 0.08),
      keepGoing: true,
    });
    expect(run.detections.filter((verdict) => verdict.detector === "bernoulli_cusum")).toHaveLength(1);
  });

  it("keeps its reference and chart through a snapshot", () => {
    const random = createSeededRandom(11);
    const flags = Array.from({ length: 3000 }, (_, index) =>
      random.next() < (index < 1200 ? 0.02 : 0.06) ? "yes" : "no",
    );
    const original = createDriftMonitor();
    for (const flag of flags.slice(0, 1000))
      original.observe({ key: testKey, categories: { refusal: flag } });
    const snapshot = original.snapshot();
    const refusal = snapshot.streams[0]?.categories.refusal as { rate?: { design: unknown } } | undefined;
    const rate = refusal?.rate;
    expect(rate?.design).not.toBeNull();
    expect(JSON.stringify(rate).length).toBeLessThan(600);
    const restored = createDriftMonitor({ initialState: snapshot });
    const verdicts = { original: [] as unknown[], restored: [] as unknown[] };
    for (const flag of flags.slice(1000)) {
      verdicts.original.push(...original.observe({ key: testKey, categories: { refusal: flag } }));
      verdicts.restored.push(...restored.observe({ key: testKey, categories: { refusal: flag } }));
    }
    expect(verdicts.original.length).toBeGreaterThan(0);
    expect(verdicts.restored).toEqual(verdicts.original);
    expect(restored.scores().some((score) => score.detector === "bernoulli_cusum")).toBe(true);
  });
});
