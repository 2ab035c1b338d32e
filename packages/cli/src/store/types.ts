import type { StoredEventData, StoreStatusResponse } from "../web/dev-api-types.js";
import type { RetentionLimits } from "./apply-retention.js";
import type { StoreBatch } from "./create-batch-writer.js";
import type { SqliteDatabase } from "./sqlite-types.js";

/** The embedded store of `sightline dev`: a write queue in front of one SQLite connection. */
export interface DevStore {
  /** The file in use, or `:memory:`. */
  file: string;
  /** The connection, for the API's queries (one thread: reads and writes never overlap). */
  database: SqliteDatabase;
  retention: RetentionLimits;
  /** Queues decoded telemetry; returns at once. */
  enqueue(batch: StoreBatch): void;
  /** Calls `listener` after each stored batch; returns the function that stops it. */
  onStored(listener: (data: StoredEventData) => void): () => void;
  /** Spans and metric points waiting to be written (no database access: safe after close). */
  pending(): number;
  /** Spans dropped because the write queue was full (safe after close). */
  dropped(): number;
  /** Counts and sizes for `GET /api/status`. */
  status(): StoreStatusResponse;
  /** Writes everything queued now. */
  flush(): void;
  /** Runs retention now (it also runs on a timer). */
  applyRetention(): void;
  /** Writes what is queued and closes the file. */
  close(): void;
}

/** Options of {@link openDevStore}. */
export interface OpenDevStoreOptions {
  /** The store file; default {@link defaultDevStorePath}; `":memory:"` for none. */
  path?: string;
  /** Retention limits; defaults 168 h and 256 MB. */
  retention?: Partial<RetentionLimits>;
  /** How often retention runs, in ms. Default 60,000. */
  retentionIntervalMs?: number;
  /** Write batching; defaults: 100 ms, 2,000 per batch, 50,000 queued. */
  queue?: { intervalMs?: number; batchSize?: number; maxPending?: number };
  /** Where one-line notices go (a corrupt file moved aside, a write that failed). */
  warn?: (message: string) => void;
}

/** What {@link openDevStore} returns: a store, or why there is none. */
export type OpenDevStoreResult = { store: DevStore } | { reason: string };
