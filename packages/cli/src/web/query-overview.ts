import type { SqliteDatabase } from "../store/sqlite-types.js";
import { type CallSample, computeCallStats, groupCallStats } from "./compute-call-stats.js";
import type { OverviewQuery, OverviewResponse } from "./dev-api-types.js";
import { queryBudgets, queryDrift } from "./query-drift-and-budgets.js";

const DEFAULT_BUCKETS = 30;

/**
 * The overview of GenAI calls in a window: totals, per model, per feature, a bucketed series, drift and
 * budgets. Percentiles are computed here over the window's durations (a dev store holds thousands of
 * calls, not billions).
 */
export function queryOverview(options: {
  database: SqliteDatabase;
  query: OverviewQuery;
  nowMs?: number;
}): OverviewResponse {
  const { database, query } = options;
  const nowMs = options.nowMs ?? Date.now();
  // "All time" ends at the newest data, not at now: a store looked at after the app stopped would
  // otherwise squeeze all of its history into the first few buckets.
  const until = query.until ?? Math.min(nowMs, newestDataMs(database) ?? nowMs);
  const oldest = database.prepare("SELECT MIN(start_ms) AS oldest FROM spans").get()?.oldest;
  const since =
    query.since ?? (oldest === null || oldest === undefined ? until : Math.min(Number(oldest), until));
  const buckets = query.buckets ?? DEFAULT_BUCKETS;
  const bucketMs = Math.max(1, Math.ceil((until - since) / buckets));
  const calls: CallSample[] = database
    .prepare(
      `SELECT start_ms, duration_ms, status_code, error_type, model, feature, input_tokens, output_tokens, cost_usd
       FROM spans WHERE is_genai = 1 AND start_ms >= ? AND start_ms <= ?`,
    )
    .all(since, until)
    .map((row) => ({
      startMs: Number(row.start_ms),
      durationMs: Number(row.duration_ms),
      isError: Number(row.status_code) === 2 || row.error_type !== null,
      model: row.model === null ? null : String(row.model),
      feature: row.feature === null ? null : String(row.feature),
      inputTokens: Number(row.input_tokens ?? 0),
      outputTokens: Number(row.output_tokens ?? 0),
      costUsd: row.cost_usd === null || row.cost_usd === undefined ? null : Number(row.cost_usd),
    }));
  const perBucket: CallSample[][] = Array.from({ length: buckets }, () => []);
  for (const call of calls) {
    const index = Math.min(buckets - 1, Math.floor((call.startMs - since) / bucketMs));
    perBucket[index]?.push(call);
  }
  return {
    since,
    until,
    bucketMs,
    totals: computeCallStats(calls),
    perModel: groupCallStats({ calls, by: "model" }),
    perFeature: groupCallStats({ calls, by: "feature" }),
    series: perBucket.map((bucketCalls, index) => ({
      startMs: since + index * bucketMs,
      ...computeCallStats(bucketCalls),
      byModel: splitBucket({ calls: bucketCalls, by: "model" }),
      byFeature: splitBucket({ calls: bucketCalls, by: "feature" }),
    })),
    drift: queryDrift({ database, since, until }),
    budgets: queryBudgets({ database, until }),
  };
}

function splitBucket(options: {
  calls: CallSample[];
  by: "model" | "feature";
}): Record<string, { calls: number; tokens: number; costUsd: number }> {
  const split: Record<string, { calls: number; tokens: number; costUsd: number }> = {};
  for (const call of options.calls) {
    const key = call[options.by];
    if (key === null) continue;
    const entry = split[key] ?? { calls: 0, tokens: 0, costUsd: 0 };
    split[key] = entry;
    entry.calls += 1;
    entry.tokens += call.inputTokens + call.outputTokens;
    entry.costUsd += call.costUsd ?? 0;
  }
  return split;
}

/** The end of the newest stored span or metric point, or `undefined` for an empty store. */
function newestDataMs(database: SqliteDatabase): number | undefined {
  const row = database
    .prepare(
      "SELECT MAX((SELECT MAX(end_ms) FROM traces), COALESCE((SELECT MAX(time_ms) FROM metric_points), 0)) AS newest",
    )
    .get();
  const newest = row?.newest;
  return newest === null || newest === undefined ? undefined : Number(newest);
}
