import type { SqliteDatabase } from "../store/sqlite-types.js";
import { NAMES } from "../store/store-names.js";
import type { OverviewResponse } from "./dev-api-types.js";

/** Drift scores (gauge points), drift and model-change span events in the window. */
export function queryDrift(options: {
  database: SqliteDatabase;
  since: number;
  until: number;
}): OverviewResponse["drift"] {
  const { database, since, until } = options;
  const scores = new Map<string, OverviewResponse["drift"]["scores"][number]>();
  const points = database
    .prepare(
      `SELECT time_ms, signal, model, value FROM metric_points
       WHERE name = ? AND time_ms >= ? AND time_ms <= ? AND value IS NOT NULL ORDER BY time_ms`,
    )
    .all(NAMES.driftScoreMetric, since, until);
  for (const point of points) {
    const signal = point.signal === null ? "" : String(point.signal);
    const model = point.model === null ? "" : String(point.model);
    const key = JSON.stringify([signal, model]);
    let entry = scores.get(key);
    if (!entry) {
      entry = { signal, model, points: [] };
      scores.set(key, entry);
    }
    entry.points.push({ timeMs: Number(point.time_ms), score: Number(point.value) });
  }
  const drift: OverviewResponse["drift"] = { scores: [...scores.values()], events: [], modelChanges: [] };
  const spans = database
    .prepare(
      `SELECT trace_id, span_id, request_model, response_model, events FROM spans
       WHERE (has_drift = 1 OR has_model_change = 1) AND start_ms >= ? AND start_ms <= ? ORDER BY start_ms`,
    )
    .all(since, until);
  for (const span of spans) {
    const model = span.request_model ?? span.response_model;
    const events = JSON.parse(String(span.events)) as {
      name: string;
      timeMs: number;
      attributes: Record<string, unknown>;
    }[];
    for (const event of events) {
      const base = { timeMs: event.timeMs, traceId: String(span.trace_id), spanId: String(span.span_id) };
      if (event.name === NAMES.driftEvent) {
        drift.events.push({
          ...base,
          signal: text(event.attributes[NAMES.driftSignal]),
          model: model === null ? null : String(model),
          kind: text(event.attributes[NAMES.driftKind]),
          score: numberOrNull(event.attributes[NAMES.driftScore]),
        });
      } else if (event.name === NAMES.modelChangeEvent) {
        drift.modelChanges.push({
          ...base,
          previous: text(event.attributes[NAMES.driftPrevious]),
          next: text(event.attributes[NAMES.driftNext]),
        });
      }
    }
  }
  return drift;
}

/** The latest `sightline.budget.used` point per budget and key up to `until`, with the matching limit. */
export function queryBudgets(options: {
  database: SqliteDatabase;
  until: number;
}): OverviewResponse["budgets"] {
  // SQLite takes the bare columns of a MAX() aggregate from the row holding the maximum: the latest point.
  const latest = options.database.prepare(
    `SELECT budget_name, budget_key, budget_unit, budget_window, value, MAX(time_ms) AS time_ms FROM metric_points
     WHERE name = ? AND budget_name IS NOT NULL AND value IS NOT NULL AND time_ms <= ?
     GROUP BY budget_name, budget_key`,
  );
  const limits = new Map<string, number>();
  for (const row of latest.all(NAMES.budgetLimitMetric, options.until)) {
    limits.set(JSON.stringify([row.budget_name, row.budget_key]), Number(row.value));
  }
  return latest
    .all(NAMES.budgetUsedMetric, options.until)
    .map((row) => ({
      name: String(row.budget_name),
      key: row.budget_key === null ? null : String(row.budget_key),
      unit: row.budget_unit === null ? null : String(row.budget_unit),
      window: row.budget_window === null ? null : String(row.budget_window),
      used: Number(row.value),
      limit: limits.get(JSON.stringify([row.budget_name, row.budget_key])) ?? null,
      timeMs: Number(row.time_ms),
    }))
    .sort(
      (left, right) => left.name.localeCompare(right.name) || (left.key ?? "").localeCompare(right.key ?? ""),
    );
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
