import { describe, expect, it } from "vitest";
import { testKey } from "./__fixtures__/run-stream.js";
import { createDriftMonitor } from "./create-drift-monitor.js";
import { createSeededRandom } from "./create-seeded-random.js";
import type { DriftMonitorOptions, DriftObservation, DriftState, DriftVerdict } from "./types.js";

function makeObservations(seed: number, count: number): DriftObservation[] {
  const random = createSeededRandom(seed);
  const observations: DriftObservation[] = [];
  for (let index = 0; index < count; index += 1) {
    const phase = Math.floor(index / 900);
    observations.push({
      key: { ...testKey, feature: index % 3 === 0 ? "summarise" : "chat" },
      scalars: {
        output_tokens: Math.round(Math.exp(5 + 0.7 * random.normal()) * (phase % 2 === 1 ? 2 : 1)),
        duration: 800 + 100 * random.normal() + (phase >= 2 ? 150 : 0),
      },
      categories: {
        finish_reason: random.pick(phase >= 3 ? { stop: 0.6, length: 0.4 } : { stop: 0.9, length: 0.1 }),
      },
      identity: { responseModel: phase >= 2 ? "gpt-4o-2024-11-20" : "gpt-4o-2024-08-06" },
      timestamp: 1_700_000_000_000 + index * 1000,
    });
  }
  return observations;
}

function collect(
  monitor: ReturnType<typeof createDriftMonitor>,
  observations: DriftObservation[],
): DriftVerdict[][] {
  return observations.map((observation) => monitor.observe(observation));
}

describe("createDriftMonitor", () => {
  const options: DriftMonitorOptions = { referenceSize: 100, windowSize: 50 };

  it("gives no verdict before the reference is complete, however wild the values", () => {
    const monitor = createDriftMonitor({ referenceSize: 200 });
    for (let index = 0; index < 199; index += 1) {
      const verdicts = monitor.observe({
        key: testKey,
        scalars: { duration: index < 100 ? 1 : 1e9 },
        categories: { finish_reason: index < 100 ? "stop" : "length" },
      });
      expect(verdicts).toEqual([]);
    }
    expect(monitor.scores()).toEqual([]);
  });

  it("does not compare a time-based window before it holds the minimum count", () => {
    const monitor = createDriftMonitor({
      referenceSize: 50,
      windowMilliseconds: 1000,
      minimumWindowCount: 30,
      meanDetector: "none",
    });
    const random = createSeededRandom(3);
    for (let index = 0; index < 50; index += 1) {
      monitor.observe({ key: testKey, scalars: { duration: random.normal() }, timestamp: index });
    }
    // Sparse traffic: one observation per 10 s, far from the reference; no window may close with fewer than 30.
    const sparse = (index: number) =>
      monitor.observe({ key: testKey, scalars: { duration: 50 }, timestamp: 100 + index * 10_000 });
    const verdicts: DriftVerdict[] = [];
    for (let index = 0; index < 30; index += 1) verdicts.push(...sparse(index));
    expect(verdicts).toEqual([]);
    verdicts.push(...sparse(30));
    expect(verdicts.map((verdict) => verdict.detector)).toEqual(["psi"]);
    expect(verdicts[0]?.current.count).toBe(30);
  });

  it("restored from JSON mid-stream, gives exactly the verdicts of an uninterrupted run", () => {
    const observations = makeObservations(11, 4000);
    for (const settings of [
      options,
      { ...options, meanDetector: "page_hinkley" as const, rearm: "reset" as const },
      { ...options, windowMilliseconds: 40_000 },
    ]) {
      const uninterrupted = collect(createDriftMonitor(settings), observations);
      expect(uninterrupted.flat().length).toBeGreaterThan(3);
      for (const cut of [50, 1234, 2701]) {
        const first = createDriftMonitor(settings);
        const head = collect(first, observations.slice(0, cut));
        const saved = JSON.parse(JSON.stringify(first.snapshot()));
        const second = createDriftMonitor(settings);
        second.restore(saved);
        const tail = collect(second, observations.slice(cut));
        expect([...head, ...tail]).toEqual(uninterrupted);
        const viaOption = createDriftMonitor({ ...settings, initialState: saved });
        expect(collect(viaOption, observations.slice(cut))).toEqual(uninterrupted.slice(cut));
      }
    }
  });

  it("rejects a snapshot it cannot read", () => {
    expect(() => createDriftMonitor().restore({ version: 2, streams: [] } as unknown as DriftState)).toThrow(
      /version 1/,
    );
  });

  it("reports each kind of change with its summaries", () => {
    const verdicts = collect(createDriftMonitor(options), makeObservations(5, 4000)).flat();
    const kinds = new Set(verdicts.map((verdict) => `${verdict.signal}:${verdict.detector}`));
    expect(kinds).toContain("response_model:identity");
    expect(kinds).toContain("finish_reason:jensen_shannon");
    expect([...kinds].some((kind) => kind.startsWith("output_tokens:"))).toBe(true);
    expect([...kinds].some((kind) => kind.startsWith("duration:"))).toBe(true);
    const sequential = verdicts.filter((verdict) => verdict.detector === "cusum");
    expect(
      sequential.some((verdict) => verdict.signal === "output_tokens" && verdict.direction === "up"),
    ).toBe(true);
    for (const verdict of sequential) {
      expect(verdict.score).toBeGreaterThanOrEqual(1);
      const reference = verdict.reference.mean ?? Number.NaN;
      // The evidence summary covers the observations since the estimated change point.
      if (verdict.direction === "up") expect(verdict.current.mean).toBeGreaterThan(reference);
      else expect(verdict.current.mean).toBeLessThan(reference);
    }
  });

  it("after an alarm on a persistent step, re-arms instead of firing on every observation", () => {
    for (const rearm of ["rebaseline", "reset"] as const) {
      const monitor = createDriftMonitor({ referenceSize: 200, rearm });
      const random = createSeededRandom(21);
      let alarms = 0;
      for (let index = 0; index < 3200; index += 1) {
        const shift = index >= 400 ? 3 : 0;
        alarms += monitor.observe({ key: testKey, scalars: { duration: random.normal() + shift } }).length;
      }
      // rebaseline: one alarm, then a new normal. reset: the reference is kept, so the step re-fires, but only
      // once per detection delay (about 5 observations at 3σ), not on every observation.
      if (rearm === "rebaseline") expect(alarms).toBeLessThanOrEqual(2);
      else expect(alarms).toBeLessThan(3000 / 3);
    }
  });

  it("exposes normalised scores per stream, signal and detector", () => {
    const monitor = createDriftMonitor({ referenceSize: 50, windowSize: 50 });
    const random = createSeededRandom(8);
    for (let index = 0; index < 120; index += 1) {
      monitor.observe({
        key: testKey,
        scalars: { duration: random.normal() },
        categories: { finish_reason: random.pick({ stop: 3, length: 1 }) },
      });
    }
    const scores = monitor.scores();
    expect(scores.map((score) => `${score.signal}:${score.detector}`).sort()).toEqual([
      "duration:cusum",
      "duration:psi",
      "finish_reason:jensen_shannon",
    ]);
    for (const score of scores) {
      expect(score.score).toBeCloseTo(score.statistic / score.threshold, 12);
      expect(score.score).toBeLessThan(1);
    }
  });

  it("caps the number of stream keys, forgetting the least recently observed", () => {
    const monitor = createDriftMonitor({ maxKeys: 10, referenceSize: 100 });
    for (let index = 0; index < 1000; index += 1) {
      monitor.observe({
        key: { ...testKey, feature: `feature-${index % 100}` },
        scalars: { duration: index },
      });
      monitor.observe({ key: { ...testKey, feature: "hot" }, scalars: { duration: index } });
    }
    const streams = monitor.snapshot().streams;
    expect(streams).toHaveLength(10);
    expect(streams.map((stream) => stream.key.feature)).toContain("hot");
    expect(streams.at(-1)?.key.feature).toBe("hot");
    const size = JSON.stringify(monitor.snapshot()).length;
    for (let index = 0; index < 5000; index += 1)
      monitor.observe({ key: { ...testKey, feature: `new-${index}` }, scalars: { duration: index } });
    expect(JSON.stringify(monitor.snapshot()).length).toBeLessThan(size * 2);
  });

  it("caps the number of signals per key", () => {
    const monitor = createDriftMonitor({ maxSignalsPerKey: 3 });
    const scalars: Record<string, number> = {};
    for (let index = 0; index < 50; index += 1) scalars[`signal_${index}`] = index;
    monitor.observe({ key: testKey, scalars });
    expect(Object.keys(monitor.snapshot().streams[0]?.scalars ?? {})).toHaveLength(3);
  });

  it("rebaseline() restarts the reference of one stream", () => {
    const monitor = createDriftMonitor({ referenceSize: 20, windowSize: 20 });
    for (let index = 0; index < 40; index += 1)
      monitor.observe({ key: testKey, scalars: { duration: index % 5 } });
    expect(monitor.scores().length).toBeGreaterThan(0);
    monitor.rebaseline(testKey);
    expect(monitor.scores()).toEqual([]);
  });
});

const warmupKey = { provider: "p", model: "m", operation: "chat" };

function referenceMean(warmupSize: number): number {
  const monitor = createDriftMonitor({ referenceSize: 20, warmupSize });
  // A cold start: five slow calls, then the steady state.
  for (let call = 0; call < 5; call++) monitor.observe({ key: warmupKey, scalars: { duration: 1000 } });
  for (let call = 0; call < 25; call++)
    monitor.observe({ key: warmupKey, scalars: { duration: 10 + (call % 3) } });
  const state = monitor.snapshot().streams[0]?.scalars.duration as { reference: { mean: number } | null };
  return state.reference?.mean ?? Number.NaN;
}

describe("warmupSize", () => {
  it("keeps a cold start out of the reference", () => {
    expect(referenceMean(5)).toBeCloseTo(10.95, 2);
  });

  it("takes the first observations as they come when it is 0 (the package default)", () => {
    expect(referenceMean(0)).toBeGreaterThan(100);
  });
});
