import { createDriftMonitor } from "../create-drift-monitor.js";
import { createSeededRandom, type SeededRandom } from "../create-seeded-random.js";
import type { DriftMonitorOptions, DriftObservation, DriftVerdict } from "../types.js";

export const testKey = { provider: "openai", model: "gpt-4o", operation: "chat" };

export interface StreamRun {
  /** Observations after the change until the first verdict (undefined: never). */
  delay: number | undefined;
  /** Verdicts before the change (or over the whole stream when there is none). */
  falseAlarms: DriftVerdict[];
  /** Verdicts at or after the change. */
  detections: DriftVerdict[];
}

/**
 * Feeds `referenceSize + length` observations from `generate`; the change starts `changeAfter` observations
 * after the reference is complete. Stops at the first detection unless `keepGoing`.
 */
export function runStream(options: {
  seed: number;
  length: number;
  changeAfter?: number;
  monitor?: DriftMonitorOptions;
  keepGoing?: boolean;
  generate: (input: {
    random: SeededRandom;
    changed: boolean;
    index: number;
  }) => Omit<DriftObservation, "key">;
}): StreamRun {
  const referenceSize = options.monitor?.referenceSize ?? 500;
  const monitor = createDriftMonitor(options.monitor);
  const random = createSeededRandom(options.seed);
  const changeAt =
    options.changeAfter === undefined ? Number.POSITIVE_INFINITY : referenceSize + options.changeAfter;
  const run: StreamRun = { delay: undefined, falseAlarms: [], detections: [] };
  for (let index = 0; index < referenceSize + options.length; index += 1) {
    const changed = index >= changeAt;
    const verdicts = monitor.observe({ key: testKey, ...options.generate({ random, changed, index }) });
    if (verdicts.length === 0) continue;
    if (!changed) {
      run.falseAlarms.push(...verdicts);
      continue;
    }
    run.detections.push(...verdicts);
    run.delay ??= index - changeAt;
    if (!options.keepGoing) break;
  }
  return run;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function delaysOf(runs: readonly StreamRun[]): number[] {
  return runs.map((run) => run.delay ?? Number.POSITIVE_INFINITY);
}
