import type { SqliteDatabase, SqliteValue } from "../store/sqlite-types.js";
import type { TraceListQuery, TraceListResponse, TraceSummary } from "./dev-api-types.js";

const DEFAULT_LIMIT = 100;
const MAX_FACET_VALUES = 200;

/** Traces matching every filter of `query`, newest first, one page (`limit`, `before`), with the total and facets. */
export function queryTraceList(options: {
  database: SqliteDatabase;
  query: TraceListQuery;
}): TraceListResponse {
  const { database, query } = options;
  const { where, parameters } = buildTraceFilter(query);
  const total = Number(
    database.prepare(`SELECT COUNT(*) AS n FROM traces t ${where}`).get(...parameters)?.n ?? 0,
  );
  const pageWhere = query.before === undefined ? where : `${where ? `${where} AND` : "WHERE"} t.start_ms < ?`;
  const pageParameters = query.before === undefined ? parameters : [...parameters, query.before];
  const rows = database
    .prepare(`SELECT * FROM traces t ${pageWhere} ORDER BY t.start_ms DESC, t.trace_id LIMIT ?`)
    .all(...pageParameters, query.limit ?? DEFAULT_LIMIT);
  const details = collectSpanValues({ database, traceIds: rows.map((row) => String(row.trace_id)) });
  return {
    traces: rows.map((row): TraceSummary => {
      const values = details.get(String(row.trace_id));
      return {
        traceId: String(row.trace_id),
        rootName: String(row.root_name),
        service: row.service === null ? null : String(row.service),
        startMs: Number(row.start_ms),
        durationMs: Number(row.duration_ms),
        spanCount: Number(row.span_count),
        genAiCount: Number(row.genai_count),
        errorCount: Number(row.error_count),
        models: sorted(values?.models),
        providers: sorted(values?.providers),
        features: sorted(values?.features),
        conversationIds: sorted(values?.conversationIds),
        inputTokens: Number(row.input_tokens),
        outputTokens: Number(row.output_tokens),
        costUsd: row.cost_usd === null ? null : Number(row.cost_usd),
        hasDrift: Number(row.has_drift) === 1,
        hasModelChange: Number(row.has_model_change) === 1,
      };
    }),
    total,
    facets: queryFacets(database),
  };
}

/** The WHERE clause (over `traces t`) for the filters of `query`, without the `before` cursor. */
function buildTraceFilter(query: TraceListQuery): { where: string; parameters: SqliteValue[] } {
  const conditions: string[] = [];
  const parameters: SqliteValue[] = [];
  const inSpans = (condition: string, ...values: SqliteValue[]) => {
    conditions.push(`t.trace_id IN (SELECT trace_id FROM spans WHERE ${condition})`);
    parameters.push(...values);
  };
  if (query.service !== undefined) {
    conditions.push("t.service = ?");
    parameters.push(query.service);
  }
  if (query.model !== undefined) {
    inSpans("is_genai = 1 AND (request_model = ? OR response_model = ?)", query.model, query.model);
  }
  if (query.provider !== undefined) inSpans("provider = ? AND is_genai = 1", query.provider);
  if (query.feature !== undefined) inSpans("feature = ?", query.feature);
  if (query.conversation !== undefined) inSpans("conversation_id = ?", query.conversation);
  if (query.errors === "only") conditions.push("t.error_count > 0");
  if (query.errors === "none") conditions.push("t.error_count = 0");
  const bounds: [number | undefined, string][] = [
    [query.minDurationMs, "t.duration_ms >= ?"],
    [query.maxDurationMs, "t.duration_ms <= ?"],
    [query.minCostUsd, "COALESCE(t.cost_usd, 0) >= ?"],
    [query.maxCostUsd, "COALESCE(t.cost_usd, 0) <= ?"],
    [query.since, "t.start_ms >= ?"],
    [query.until, "t.start_ms <= ?"],
  ];
  for (const [value, condition] of bounds) {
    if (value === undefined) continue;
    conditions.push(condition);
    parameters.push(value);
  }
  if (query.q !== undefined) {
    // LIKE is case-insensitive for ASCII; % and _ in the user's text are matched literally.
    const pattern = `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(
      `(t.trace_id LIKE ? ESCAPE '\\' OR t.trace_id IN (SELECT trace_id FROM spans
        WHERE name LIKE ? ESCAPE '\\' OR request_model LIKE ? ESCAPE '\\' OR response_model LIKE ? ESCAPE '\\'))`,
    );
    parameters.push(pattern, pattern, pattern, pattern);
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", parameters };
}

interface SpanValues {
  models: Set<string>;
  providers: Set<string>;
  features: Set<string>;
  conversationIds: Set<string>;
}

/** The distinct models, providers, features and conversations of each listed trace, in one query. */
function collectSpanValues(options: {
  database: SqliteDatabase;
  traceIds: string[];
}): Map<string, SpanValues> {
  const result = new Map<string, SpanValues>();
  if (options.traceIds.length === 0) return result;
  const rows = options.database
    .prepare(
      `SELECT trace_id, is_genai, model, provider, feature, conversation_id FROM spans
       WHERE trace_id IN (${options.traceIds.map(() => "?").join(", ")})`,
    )
    .all(...options.traceIds);
  for (const row of rows) {
    const traceId = String(row.trace_id);
    let values = result.get(traceId);
    if (!values) {
      values = { models: new Set(), providers: new Set(), features: new Set(), conversationIds: new Set() };
      result.set(traceId, values);
    }
    const isGenAi = Number(row.is_genai) === 1;
    if (isGenAi && row.model !== null) values.models.add(String(row.model));
    if (isGenAi && row.provider !== null) values.providers.add(String(row.provider));
    if (row.feature !== null) values.features.add(String(row.feature));
    if (row.conversation_id !== null) values.conversationIds.add(String(row.conversation_id));
  }
  return result;
}

function queryFacets(database: SqliteDatabase): TraceListResponse["facets"] {
  const distinct = (sql: string) =>
    database
      .prepare(sql)
      .all(MAX_FACET_VALUES)
      .map((row) => String(row.value));
  return {
    services: distinct(
      "SELECT DISTINCT service AS value FROM traces WHERE service IS NOT NULL ORDER BY 1 LIMIT ?",
    ),
    models: distinct(
      `SELECT value FROM (SELECT request_model AS value FROM spans WHERE request_model IS NOT NULL AND is_genai = 1
        UNION SELECT response_model FROM spans WHERE response_model IS NOT NULL AND is_genai = 1) ORDER BY 1 LIMIT ?`,
    ),
    providers: distinct(
      "SELECT DISTINCT provider AS value FROM spans WHERE provider IS NOT NULL AND is_genai = 1 ORDER BY 1 LIMIT ?",
    ),
    features: distinct(
      "SELECT DISTINCT feature AS value FROM spans WHERE feature IS NOT NULL ORDER BY 1 LIMIT ?",
    ),
    // The newest conversations: there may be far more than a menu holds.
    conversations: distinct(
      `SELECT conversation_id AS value FROM spans WHERE conversation_id IS NOT NULL
        GROUP BY conversation_id ORDER BY MAX(start_ms) DESC LIMIT ?`,
    ),
  };
}

function sorted(values: Set<string> | undefined): string[] {
  return values ? [...values].sort() : [];
}
