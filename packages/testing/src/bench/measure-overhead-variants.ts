import { execFileSync } from "node:child_process";
import type { OverheadCaseResult } from "./run-overhead-case.js";

/** Options of {@link measureOverheadVariants}. */
export interface MeasureOverheadVariantsOptions {
  /** Path of the runner script (it calls `runOverheadCase`). */
  runnerPath: string;
  caseName: string;
  transport: "in-process" | "http";
  /** Calls timed per process (after the runner's warm-up of at least 2,000). */
  calls: number;
  /** Warm-up calls per process before the timed ones; default: as many as `calls`, at least 2,000. */
  warmup?: number;
  /** Variant names the runner knows; `raw` is measured too, first in the list it is not. */
  variants: string[];
  /** Processes per variant. */
  rounds: number;
  /** Called after each process, e.g. for a progress line. */
  onProcess?: (result: OverheadCaseResult) => void;
}

/** Medians over a variant's processes (µs per call, MB). */
export interface OverheadVariantFigures {
  wall: number;
  p50: number;
  /** The lowest and the highest p50 of the variant's processes: how far one process can land from the median. */
  p50Spread: { min: number; max: number };
  cpu: number;
  /** GC pause µs per call. */
  gc: number;
  peakRssMegabytes: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * One case on one transport for `raw` and every named variant: a fresh process per measurement, and
 * interleaved rounds whose order rotates each round, so drifting machine load lands on every variant
 * alike. Returns each variant's medians over its processes, `raw` included.
 */
export function measureOverheadVariants(
  options: MeasureOverheadVariantsOptions,
): Map<string, OverheadVariantFigures> {
  const names = ["raw", ...options.variants.filter((name) => name !== "raw")];
  const runs = new Map<string, OverheadCaseResult[]>(names.map((name) => [name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const shift = round % names.length;
    for (const variant of [...names.slice(shift), ...names.slice(0, shift)]) {
      const output = execFileSync(
        process.execPath,
        [
          options.runnerPath,
          variant,
          options.caseName,
          options.transport,
          String(options.calls),
          ...(options.warmup === undefined ? [] : [String(options.warmup)]),
        ],
        { encoding: "utf8" },
      );
      const result = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as OverheadCaseResult;
      runs.get(variant)?.push(result);
      options.onProcess?.(result);
    }
  }
  const figures = new Map<string, OverheadVariantFigures>();
  for (const [name, results] of runs) {
    const p50s = results.map((result) => result.p50);
    figures.set(name, {
      wall: median(results.map((result) => result.wall)),
      p50: median(p50s),
      p50Spread: { min: Math.min(...p50s), max: Math.max(...p50s) },
      cpu: median(results.map((result) => result.cpu)),
      gc: median(results.map((result) => result.gc ?? 0)),
      peakRssMegabytes: median(results.map((result) => result.peakRssMegabytes)),
    });
  }
  return figures;
}
