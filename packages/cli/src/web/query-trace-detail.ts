import type { SqliteDatabase } from "../store/sqlite-types.js";
import { convertStoredSpan, STORED_SPAN_COLUMNS } from "./convert-stored-span.js";
import type { TraceDetailResponse } from "./dev-api-types.js";

/** Every span of one trace, by start time; `undefined` when the store has none. */
export function queryTraceDetail(options: {
  database: SqliteDatabase;
  traceId: string;
}): TraceDetailResponse | undefined {
  const rows = options.database
    .prepare(`SELECT ${STORED_SPAN_COLUMNS} FROM spans WHERE trace_id = ? ORDER BY start_ms, span_id`)
    .all(options.traceId);
  if (rows.length === 0) return undefined;
  return { traceId: options.traceId, spans: rows.map(convertStoredSpan) };
}
