import type { StoreStatusResponse } from "../web/dev-api-types.js";
import { getStoreSizeBytes, type RetentionLimits } from "./apply-retention.js";
import type { SqliteDatabase } from "./sqlite-types.js";

/** Counts, size and time span of what the store holds, plus the queue's counters. */
export function getStoreStatus(options: {
  database: SqliteDatabase;
  file: string;
  retention: RetentionLimits;
  queue: { pending: number; dropped: number; droppedMetricPoints: number };
}): StoreStatusResponse & { droppedMetricPoints: number } {
  const { database } = options;
  const traces = database
    .prepare("SELECT COUNT(*) AS n, MIN(start_ms) AS oldest, MAX(end_ms) AS newest FROM traces")
    .get();
  const spans = database.prepare("SELECT COUNT(*) AS n FROM spans").get();
  const points = database.prepare("SELECT COUNT(*) AS n FROM metric_points").get();
  return {
    file: options.file,
    sizeBytes: getStoreSizeBytes(database),
    traces: Number(traces?.n ?? 0),
    spans: Number(spans?.n ?? 0),
    metricPoints: Number(points?.n ?? 0),
    oldestMs: traces?.oldest == null ? null : Number(traces.oldest),
    newestMs: traces?.newest == null ? null : Number(traces.newest),
    retention: { maxAgeHours: options.retention.maxAgeHours, maxSizeMb: options.retention.maxSizeMb },
    pending: options.queue.pending,
    dropped: options.queue.dropped,
    droppedMetricPoints: options.queue.droppedMetricPoints,
  };
}
