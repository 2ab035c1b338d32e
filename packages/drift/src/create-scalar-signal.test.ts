import { describe, expect, it } from "vitest";
import { delaysOf, median, runStream } from "./__fixtures__/run-stream.js";
import type { DriftMonitorOptions } from "./types.js";

const seeds = Array.from({ length: 40 }, (_, index) => index + 1);

function stepDelays(options: { shift: number; monitor: DriftMonitorOptions }): number[] {
  return delaysOf(
    seeds.map((seed) =>
      runStream({
        seed,
        length: 3000,
        changeAfter: 300,
        monitor: options.monitor,
        generate: ({ random, changed }) => ({
          scalars: { duration: 1000 + 100 * random.normal() + (changed ? 100 * options.shift : 0) },
        }),
      }),
    ),
  );
}

function stationaryRate(options: { monitor: DriftMonitorOptions; seedCount: number }): {
  rate: number;
  detectors: Set<string>;
} {
  let alarms = 0;
  let observations = 0;
  const detectors = new Set<string>();
  for (let seed = 1000; seed < 1000 + options.seedCount; seed += 1) {
    const run = runStream({
      seed,
      length: 10_000,
      monitor: options.monitor,
      generate: ({ random }) => ({ scalars: { duration: 1000 + 100 * random.normal() } }),
    });
    alarms += run.falseAlarms.length;
    for (const verdict of run.falseAlarms) detectors.add(verdict.detector);
    observations += 10_000;
  }
  return { rate: (alarms / observations) * 10_000, detectors };
}

describe("CUSUM on the mean (calibrated)", () => {
  const monitor: DriftMonitorOptions = { meanDetector: "cusum", scalarDistance: "none" };

  it("flags a 2σ step within 10 observations (median) and 20 (every seed)", () => {
    const delays = stepDelays({ shift: 2, monitor });
    expect(median(delays)).toBeLessThanOrEqual(10);
    expect(Math.max(...delays)).toBeLessThanOrEqual(20);
  });

  it("flags a 1σ step within 30 observations (median) and 2σ down within 10", () => {
    expect(median(stepDelays({ shift: 1, monitor }))).toBeLessThanOrEqual(30);
    expect(median(stepDelays({ shift: -2, monitor }))).toBeLessThanOrEqual(10);
  });

  it("flags a 0.5σ step within 120 observations (median), every seed within 600", () => {
    const delays = stepDelays({ shift: 0.5, monitor });
    expect(median(delays)).toBeLessThanOrEqual(120);
    expect(Math.max(...delays)).toBeLessThanOrEqual(600);
  });

  it("raises fewer than 0.5 false alarms per 10,000 stationary observations over 30 seeds", () => {
    expect(stationaryRate({ monitor, seedCount: 30 }).rate).toBeLessThan(0.5);
  });
});

describe("Page-Hinkley on the mean (calibrated)", () => {
  const monitor: DriftMonitorOptions = { meanDetector: "page_hinkley", scalarDistance: "none" };

  it("flags 2σ, 1σ and 0.5σ steps within 12, 35 and 150 observations (median)", () => {
    expect(median(stepDelays({ shift: 2, monitor }))).toBeLessThanOrEqual(12);
    expect(median(stepDelays({ shift: 1, monitor }))).toBeLessThanOrEqual(35);
    expect(median(stepDelays({ shift: 0.5, monitor }))).toBeLessThanOrEqual(150);
  });

  it("stays under 0.5 false alarms per 10,000 stationary observations", () => {
    expect(stationaryRate({ monitor, seedCount: 20 }).rate).toBeLessThan(0.5);
  });
});

describe("PSI on reference-quantile bins (calibrated)", () => {
  const monitor: DriftMonitorOptions = { meanDetector: "none", windowSize: 250 };

  it("flags a doubled standard deviation within two windows (median) and three (every seed)", () => {
    const delays = delaysOf(
      seeds.map((seed) =>
        runStream({
          seed,
          length: 3000,
          changeAfter: 300 + (seed % 7) * 31,
          monitor,
          generate: ({ random, changed }) => ({
            scalars: { duration: 1000 + (changed ? 200 : 100) * random.normal() },
          }),
        }),
      ),
    );
    expect(median(delays)).toBeLessThan(500);
    expect(Math.max(...delays)).toBeLessThan(750);
  });

  it("stays under 0.5 false alarms per 10,000 stationary observations", () => {
    expect(stationaryRate({ monitor, seedCount: 20 }).rate).toBeLessThan(0.5);
  });

  it("with the conventional fixed 0.1 on windows of 100, cries wolf far more often", () => {
    // The detector on its own: the default minimum effect of `duration` would hide its noise.
    const result = stationaryRate({
      monitor: {
        ...monitor,
        thresholds: "conventional",
        windowSize: 100,
        minimumEffect: { duration: { relative: 0, absolute: 0 } },
      },
      seedCount: 3,
    });
    expect(result.rate).toBeGreaterThan(5);
  });
});

describe("heavy-tailed (log-normal) signals", () => {
  const logNormal = (random: { normal(): number }, factor: number) =>
    Math.round(factor * Math.exp(5.5 + 0.9 * random.normal()));

  it("stay quiet when stationary and catch a 1.5× growth in output length", () => {
    let falseAlarms = 0;
    const delays: number[] = [];
    for (const seed of seeds.slice(0, 20)) {
      const run = runStream({
        seed,
        length: 6000,
        changeAfter: 5000,
        generate: ({ random, changed }) => ({
          scalars: { output_tokens: logNormal(random, changed ? 1.5 : 1) },
        }),
      });
      falseAlarms += run.falseAlarms.length;
      delays.push(run.delay ?? Number.POSITIVE_INFINITY);
    }
    // 20 seeds of 5,000 stationary observations after the reference.
    expect((falseAlarms / (20 * 5000)) * 10_000).toBeLessThan(0.5);
    // log(1.5) / 0.9 ≈ 0.45σ on the log scale.
    expect(median(delays)).toBeLessThanOrEqual(150);
  });
});
