import type { SqliteDatabase } from "./sqlite-types.js";

/** The store's retention limits. */
export interface RetentionLimits {
  /** Traces that started longer ago than this are deleted. */
  maxAgeHours: number;
  /** Past this file size the oldest traces are deleted until it fits. */
  maxSizeMb: number;
}

/** What one retention pass deleted. */
export interface RetentionResult {
  deletedTraces: number;
  deletedMetricPoints: number;
}

/** The store's size in bytes: its pages in use (free pages are handed back by incremental vacuum). */
export function getStoreSizeBytes(database: SqliteDatabase): number {
  const pages = Number(database.prepare("PRAGMA page_count").get()?.page_count ?? 0);
  const free = Number(database.prepare("PRAGMA freelist_count").get()?.freelist_count ?? 0);
  const pageSize = Number(database.prepare("PRAGMA page_size").get()?.page_size ?? 4096);
  return (pages - free) * pageSize;
}

/**
 * Deletes traces (and metric points) older than `maxAgeHours`, then, while the store is over `maxSizeMb`,
 * the oldest tenth of what is left, and hands the freed pages back. Run periodically, not per insert.
 */
export function applyRetention(options: {
  database: SqliteDatabase;
  limits: RetentionLimits;
  nowMs?: number;
}): RetentionResult {
  const { database, limits } = options;
  const result: RetentionResult = { deletedTraces: 0, deletedMetricPoints: 0 };
  const cutoffMs = (options.nowMs ?? Date.now()) - limits.maxAgeHours * 3_600_000;
  deleteBefore({ database, cutoffMs, result });
  const maxBytes = limits.maxSizeMb * 1024 * 1024;
  // Each round deletes the oldest 10% (at least one trace), so a store far over its size converges fast.
  for (let round = 0; round < 100 && getStoreSizeBytes(database) > maxBytes; round += 1) {
    const traces = Number(database.prepare("SELECT COUNT(*) AS n FROM traces").get()?.n ?? 0);
    const points = Number(database.prepare("SELECT COUNT(*) AS n FROM metric_points").get()?.n ?? 0);
    if (traces === 0 && points === 0) break;
    const oldestTraceMs = nthOldest({ database, table: "traces", column: "start_ms", count: traces });
    const oldestPointMs = nthOldest({ database, table: "metric_points", column: "time_ms", count: points });
    // The earlier of the two marks: that table loses its oldest tenth, the other at most as much.
    const cutoff = Math.min(
      oldestTraceMs ?? Number.POSITIVE_INFINITY,
      oldestPointMs ?? Number.POSITIVE_INFINITY,
    );
    deleteBefore({ database, cutoffMs: cutoff, inclusive: true, result });
    database.exec("PRAGMA incremental_vacuum");
  }
  if (result.deletedTraces > 0 || result.deletedMetricPoints > 0) database.exec("PRAGMA incremental_vacuum");
  return result;
}

/** The start of the row at the 10% mark of the oldest rows, or `null` for an empty table. */
function nthOldest(options: {
  database: SqliteDatabase;
  table: "traces" | "metric_points";
  column: "start_ms" | "time_ms";
  count: number;
}): number | null {
  if (options.count === 0) return null;
  const offset = Math.max(0, Math.ceil(options.count / 10) - 1);
  const row = options.database
    .prepare(
      `SELECT ${options.column} AS at FROM ${options.table} ORDER BY ${options.column} LIMIT 1 OFFSET ?`,
    )
    .get(offset);
  return row ? Number(row.at) : null;
}

function deleteBefore(options: {
  database: SqliteDatabase;
  cutoffMs: number;
  inclusive?: boolean;
  result: RetentionResult;
}): void {
  const { database, cutoffMs, result } = options;
  const operator = options.inclusive ? "<=" : "<";
  database.exec("BEGIN IMMEDIATE");
  try {
    database
      .prepare(
        `DELETE FROM spans WHERE trace_id IN (SELECT trace_id FROM traces WHERE start_ms ${operator} ?)`,
      )
      .run(cutoffMs);
    result.deletedTraces += Number(
      database.prepare(`DELETE FROM traces WHERE start_ms ${operator} ?`).run(cutoffMs).changes,
    );
    result.deletedMetricPoints += Number(
      database.prepare(`DELETE FROM metric_points WHERE time_ms ${operator} ?`).run(cutoffMs).changes,
    );
    database.exec("COMMIT");
  } catch (error) {
    database.exec("ROLLBACK");
    throw error;
  }
}
