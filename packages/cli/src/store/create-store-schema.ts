import type { SqliteDatabase } from "./sqlite-types.js";

/** Bumped when the tables change shape; an older file is dropped and rebuilt (it is a dev cache, not a record). */
export const STORE_SCHEMA_VERSION = 1;

/** SQLite's `application_id` of a sightline dev store ("SGHT"), so another program's database is never rebuilt. */
export const STORE_APPLICATION_ID = 0x53474854;

/** Thrown when `--store` names a SQLite file that belongs to something else. */
export class ForeignDatabaseError extends Error {
  constructor() {
    super("it is another program's SQLite database, not a sightline dev store");
    this.name = "ForeignDatabaseError";
  }
}

// Spans keep their raw attributes, events, resource as JSON text; the columns beside them are what the
// API filters, groups and sums by, pulled out once on insert.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS spans (
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  parent_span_id TEXT,
  name TEXT NOT NULL,
  kind INTEGER NOT NULL,
  start_ms REAL NOT NULL,
  duration_ms REAL NOT NULL,
  status_code INTEGER NOT NULL,
  status_message TEXT,
  service TEXT,
  operation TEXT,
  provider TEXT,
  request_model TEXT,
  response_model TEXT,
  model TEXT,
  feature TEXT,
  conversation_id TEXT,
  input_tokens INTEGER,
  output_tokens INTEGER,
  cost_usd REAL,
  error_type TEXT,
  is_genai INTEGER NOT NULL,
  has_drift INTEGER NOT NULL,
  has_model_change INTEGER NOT NULL,
  attributes TEXT NOT NULL,
  events TEXT NOT NULL,
  resource TEXT NOT NULL,
  scope_name TEXT NOT NULL,
  scope_version TEXT,
  PRIMARY KEY (trace_id, span_id)
);
CREATE INDEX IF NOT EXISTS spans_by_start ON spans (start_ms);
CREATE INDEX IF NOT EXISTS spans_by_request_model ON spans (request_model) WHERE request_model IS NOT NULL;
CREATE INDEX IF NOT EXISTS spans_by_response_model ON spans (response_model) WHERE response_model IS NOT NULL;
CREATE INDEX IF NOT EXISTS spans_by_provider ON spans (provider) WHERE provider IS NOT NULL;
CREATE INDEX IF NOT EXISTS spans_by_feature ON spans (feature) WHERE feature IS NOT NULL;
CREATE INDEX IF NOT EXISTS spans_by_conversation ON spans (conversation_id, start_ms) WHERE conversation_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS spans_genai_by_start ON spans (start_ms) WHERE is_genai = 1;

CREATE TABLE IF NOT EXISTS traces (
  trace_id TEXT PRIMARY KEY,
  start_ms REAL NOT NULL,
  end_ms REAL NOT NULL,
  duration_ms REAL NOT NULL,
  root_name TEXT NOT NULL,
  service TEXT,
  span_count INTEGER NOT NULL,
  genai_count INTEGER NOT NULL,
  error_count INTEGER NOT NULL,
  input_tokens INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  cost_usd REAL,
  has_drift INTEGER NOT NULL,
  has_model_change INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS traces_by_start ON traces (start_ms);
CREATE INDEX IF NOT EXISTS traces_by_service ON traces (service, start_ms);
CREATE INDEX IF NOT EXISTS traces_by_duration ON traces (duration_ms);
CREATE INDEX IF NOT EXISTS traces_by_cost ON traces (cost_usd);
CREATE INDEX IF NOT EXISTS traces_with_errors ON traces (start_ms) WHERE error_count > 0;

CREATE TABLE IF NOT EXISTS metric_points (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  time_ms REAL NOT NULL,
  attributes TEXT NOT NULL,
  signal TEXT,
  model TEXT,
  budget_name TEXT,
  budget_key TEXT,
  budget_unit TEXT,
  budget_window TEXT,
  value REAL,
  count INTEGER,
  sum REAL
);
CREATE INDEX IF NOT EXISTS metric_points_by_name ON metric_points (name, time_ms);
CREATE INDEX IF NOT EXISTS metric_points_by_time ON metric_points (time_ms);
`;

/**
 * Creates the tables and indexes on a fresh file, or rebuilds them when the file holds another schema
 * version. Incremental auto-vacuum lets retention hand freed pages back to the file system.
 */
export function createStoreSchema(database: SqliteDatabase): void {
  const applicationId = Number(database.prepare("PRAGMA application_id").get()?.application_id ?? 0);
  const tables = Number(
    database.prepare("SELECT COUNT(*) AS n FROM sqlite_schema WHERE type = 'table'").get()?.n ?? 0,
  );
  // Only an empty file or one of ours is (re)built: dropping tables of someone else's database would be data loss.
  if (applicationId !== STORE_APPLICATION_ID && (applicationId !== 0 || tables > 0)) {
    throw new ForeignDatabaseError();
  }
  const version = Number(database.prepare("PRAGMA user_version").get()?.user_version ?? 0);
  if (version !== STORE_SCHEMA_VERSION) {
    database.exec(
      "DROP TABLE IF EXISTS spans; DROP TABLE IF EXISTS traces; DROP TABLE IF EXISTS metric_points;",
    );
    // auto_vacuum only takes effect on an empty file (or after VACUUM), so set it before the first table.
    database.exec("PRAGMA auto_vacuum = INCREMENTAL; VACUUM;");
  }
  database.exec(SCHEMA);
  database.exec(`PRAGMA application_id = ${STORE_APPLICATION_ID}`);
  database.exec(`PRAGMA user_version = ${STORE_SCHEMA_VERSION}`);
}
