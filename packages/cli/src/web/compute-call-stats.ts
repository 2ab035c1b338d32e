import type { CallStats } from "./dev-api-types.js";

/** One GenAI call, as the overview aggregates it. */
export interface CallSample {
  startMs: number;
  durationMs: number;
  isError: boolean;
  model: string | null;
  feature: string | null;
  inputTokens: number;
  outputTokens: number;
  /** `null` when the call was not priced (an unknown model, an error before usage). */
  costUsd: number | null;
}

/** Calls, errors, p50/p95 duration (nearest rank), tokens and cost of `calls` (`null` when none was priced). */
export function computeCallStats(calls: readonly CallSample[]): CallStats {
  const durations = calls.map((call) => call.durationMs).sort((left, right) => left - right);
  let errors = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  // Stays null until a priced call is seen: "$0" would claim an unpriced model cost nothing.
  let costUsd: number | null = null;
  for (const call of calls) {
    if (call.isError) errors += 1;
    inputTokens += call.inputTokens;
    outputTokens += call.outputTokens;
    if (call.costUsd !== null) costUsd = (costUsd ?? 0) + call.costUsd;
  }
  return {
    calls: calls.length,
    errors,
    p50Ms: percentile(durations, 0.5),
    p95Ms: percentile(durations, 0.95),
    inputTokens,
    outputTokens,
    costUsd,
  };
}

/** Nearest-rank percentile of sorted values; `null` when there are none. */
export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Splits calls by a key (skipping calls without one), each group's stats under `name`. */
export function groupCallStats<Name extends "model" | "feature">(options: {
  calls: readonly CallSample[];
  by: Name;
}): (CallStats & Record<Name, string>)[] {
  const groups = new Map<string, CallSample[]>();
  for (const call of options.calls) {
    const key = call[options.by];
    if (key === null) continue;
    const group = groups.get(key) ?? [];
    group.push(call);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(
      ([key, group]) =>
        ({ ...computeCallStats(group), [options.by]: key }) as CallStats & Record<Name, string>,
    )
    .sort((left, right) => right.calls - left.calls);
}
