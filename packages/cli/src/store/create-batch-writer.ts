import type { CapturedMetric, CapturedSpan } from "@sightline/otlp";
import {
  convertSpanToRow,
  convertUnixNanoToMs,
  numberOf,
  SPAN_COLUMNS,
  textOf,
} from "./convert-span-to-row.js";
import type { SqliteDatabase } from "./sqlite-types.js";
import { NAMES } from "./store-names.js";

/** What one batch of decoded telemetry holds. */
export interface StoreBatch {
  spans: CapturedSpan[];
  metrics: CapturedMetric[];
}

/** What a written batch changed: traces touched, spans stored (duplicates are not), metric points stored. */
export interface StoredBatchResult {
  traces: number;
  spans: number;
  metricPoints: number;
}

// The trace row is recomputed from its spans rather than patched, so a root arriving after its children
// (the usual order with a batch processor) still names the trace, and a resent span counts once.
const REFRESH_TRACE = `
INSERT OR REPLACE INTO traces (trace_id, start_ms, end_ms, duration_ms, root_name, service, span_count,
  genai_count, error_count, input_tokens, output_tokens, cost_usd, has_drift, has_model_change)
SELECT s.trace_id, MIN(s.start_ms), MAX(s.start_ms + s.duration_ms), MAX(s.start_ms + s.duration_ms) - MIN(s.start_ms),
  first.name, first.service, COUNT(*), SUM(s.is_genai), SUM(s.status_code = 2),
  COALESCE(SUM(s.input_tokens), 0), COALESCE(SUM(s.output_tokens), 0), SUM(s.cost_usd),
  MAX(s.has_drift), MAX(s.has_model_change)
FROM spans s,
  (SELECT name, service FROM spans WHERE trace_id = ?1
   ORDER BY parent_span_id IS NOT NULL, start_ms LIMIT 1) AS first
WHERE s.trace_id = ?1
GROUP BY s.trace_id`;

const METRIC_COLUMNS = [
  "name",
  "time_ms",
  "attributes",
  "signal",
  "model",
  "budget_name",
  "budget_key",
  "budget_unit",
  "budget_window",
  "value",
  "count",
  "sum",
];

/**
 * Prepares the statements once and returns a function that writes a batch in one transaction: spans
 * (duplicates ignored), the trace rows they touch, and metric points.
 */
export function createBatchWriter(database: SqliteDatabase): (batch: StoreBatch) => StoredBatchResult {
  const insertSpan = database.prepare(
    `INSERT OR IGNORE INTO spans (${SPAN_COLUMNS.join(", ")}) VALUES (${SPAN_COLUMNS.map(() => "?").join(", ")})`,
  );
  const refreshTrace = database.prepare(REFRESH_TRACE);
  const insertPoint = database.prepare(
    `INSERT INTO metric_points (${METRIC_COLUMNS.join(", ")}) VALUES (${METRIC_COLUMNS.map(() => "?").join(", ")})`,
  );
  return (batch) => {
    const touched = new Set<string>();
    let spans = 0;
    let metricPoints = 0;
    database.exec("BEGIN IMMEDIATE");
    try {
      for (const span of batch.spans) {
        if (Number(insertSpan.run(...convertSpanToRow(span)).changes) === 0) continue;
        spans += 1;
        touched.add(span.traceId);
      }
      for (const traceId of touched) refreshTrace.run(traceId);
      const nowMs = Date.now();
      for (const metric of batch.metrics) {
        for (const point of metric.points) {
          const attributes = point.attributes;
          insertPoint.run(
            metric.name,
            convertUnixNanoToMs(point.timeUnixNano) ?? nowMs,
            JSON.stringify(attributes),
            textOf(attributes[NAMES.driftSignal]),
            textOf(attributes[NAMES.modelFamily]) ??
              textOf(attributes[NAMES.requestModel]) ??
              textOf(attributes[NAMES.responseModel]),
            textOf(attributes[NAMES.budgetName]),
            textOf(attributes[NAMES.budgetKey]),
            textOf(attributes[NAMES.budgetUnit]),
            textOf(attributes[NAMES.budgetWindow]),
            numberOf(point.value),
            numberOf(point.count),
            numberOf(point.sum),
          );
          metricPoints += 1;
        }
      }
      database.exec("COMMIT");
    } catch (error) {
      database.exec("ROLLBACK");
      throw error;
    }
    return { traces: touched.size, spans, metricPoints };
  };
}
