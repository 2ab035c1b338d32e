import type { EvalRun } from "../run/types.js";
import type { RunCostSummary } from "./types.js";

/** Cost and latency per row of one run. */
export function summarizeRunCost(run: EvalRun): RunCostSummary {
  const priced = run.rows.flatMap((row) => (row.costUsd === undefined ? [] : [row.costUsd]));
  const latencies = run.rows.map((row) => row.latencyMs).sort((left, right) => left - right);
  const total = priced.reduce((sum, cost) => sum + cost, 0);
  return {
    target: run.target,
    rows: run.rows.length,
    errors: run.rows.filter((row) => row.error !== undefined).length,
    ...(priced.length > 0 ? { meanCostUsd: total / priced.length, totalCostUsd: total } : {}),
    pricedRows: priced.length,
    meanLatencyMs:
      latencies.length === 0 ? 0 : latencies.reduce((sum, value) => sum + value, 0) / latencies.length,
    p50LatencyMs: percentile(latencies, 0.5),
    p95LatencyMs: percentile(latencies, 0.95),
  };
}

/** Nearest-rank percentile of sorted values (0 for none). */
function percentile(sorted: readonly number[], quantile: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))] as number;
}
