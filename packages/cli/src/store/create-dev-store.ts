import type { StoredEventData } from "../web/dev-api-types.js";
import { applyRetention, type RetentionLimits } from "./apply-retention.js";
import { createBatchWriter } from "./create-batch-writer.js";
import { createWriteQueue } from "./create-write-queue.js";
import { getStoreStatus } from "./get-store-status.js";
import type { SqliteDatabase } from "./sqlite-types.js";
import type { DevStore, OpenDevStoreOptions } from "./types.js";

/** Builds the store around an open, schema-ready connection: write queue, listeners, retention timer. */
export function createDevStore(options: {
  database: SqliteDatabase;
  file: string;
  retention: RetentionLimits;
  settings: OpenDevStoreOptions;
}): DevStore {
  const { database, file, retention, settings } = options;
  const warn = settings.warn ?? (() => undefined);
  const listeners = new Set<(data: StoredEventData) => void>();
  let warnedWrite = false;
  const queue = createWriteQueue({
    write: createBatchWriter(database),
    ...settings.queue,
    onWritten(result) {
      if (result.spans === 0 && result.metricPoints === 0) return;
      for (const listener of listeners) listener({ traces: result.traces, spans: result.spans });
    },
    onError(error) {
      // Once: a full disk fails every batch, and the terminal view goes on regardless.
      if (warnedWrite) return;
      warnedWrite = true;
      warn(`sightline dev: could not write to the store ${file}: ${(error as Error).message}`);
    },
  });
  function runRetention(): void {
    try {
      applyRetention({ database, limits: retention });
    } catch (error) {
      warn(`sightline dev: retention on ${file} failed: ${(error as Error).message}`);
    }
  }
  runRetention();
  const timer = setInterval(runRetention, settings.retentionIntervalMs ?? 60_000);
  timer.unref();
  let closed = false;
  return {
    file,
    database,
    retention,
    enqueue: (batch) => queue.add(batch),
    onStored(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pending: () => queue.pending(),
    dropped: () => queue.dropped(),
    status: () =>
      getStoreStatus({
        database,
        file,
        retention,
        queue: {
          pending: queue.pending(),
          dropped: queue.dropped(),
          droppedMetricPoints: queue.droppedMetricPoints(),
        },
      }),
    flush: () => queue.flush(),
    applyRetention: runRetention,
    close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      queue.close();
      listeners.clear();
      database.close();
    },
  };
}
