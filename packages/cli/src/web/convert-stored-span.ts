import type { SqliteValue } from "../store/sqlite-types.js";
import { NAMES } from "../store/store-names.js";
import type { GenAiFacts, StoredSpan } from "./dev-api-types.js";

/** The `spans` columns {@link convertStoredSpan} reads. */
export const STORED_SPAN_COLUMNS =
  "trace_id, span_id, parent_span_id, name, kind, start_ms, duration_ms, status_code, status_message, operation, provider, request_model, response_model, feature, conversation_id, input_tokens, output_tokens, cost_usd, error_type, attributes, events, resource, scope_name, scope_version";

/** A `spans` row as the API's {@link StoredSpan}, with the GenAI facts pulled out for GenAI spans. */
export function convertStoredSpan(row: Record<string, SqliteValue>): StoredSpan {
  const attributes = JSON.parse(String(row.attributes)) as Record<string, unknown>;
  return {
    traceId: String(row.trace_id),
    spanId: String(row.span_id),
    parentSpanId: textOrNull(row.parent_span_id),
    name: String(row.name),
    kind: Number(row.kind),
    startMs: Number(row.start_ms),
    durationMs: Number(row.duration_ms),
    status: { code: Number(row.status_code), message: textOrNull(row.status_message) },
    attributes,
    events: JSON.parse(String(row.events)),
    resource: JSON.parse(String(row.resource)),
    scope: { name: String(row.scope_name), version: textOrNull(row.scope_version) },
    genAi: row.operation === null ? null : convertGenAiFacts({ row, attributes }),
  };
}

function convertGenAiFacts(options: {
  row: Record<string, SqliteValue>;
  attributes: Record<string, unknown>;
}): GenAiFacts {
  const { row, attributes } = options;
  const finishReasons = attributes[NAMES.finishReasons];
  const timeToFirstChunk = attributes[NAMES.timeToFirstChunk];
  return {
    operation: String(row.operation),
    provider: textOrNull(row.provider),
    requestModel: textOrNull(row.request_model),
    responseModel: textOrNull(row.response_model),
    inputTokens: numberOrNull(row.input_tokens),
    outputTokens: numberOrNull(row.output_tokens),
    costUsd: numberOrNull(row.cost_usd),
    finishReasons: Array.isArray(finishReasons) ? finishReasons.map(String) : [],
    conversationId: textOrNull(row.conversation_id),
    feature: textOrNull(row.feature),
    errorType: textOrNull(row.error_type),
    // Semconv records it in seconds; the API speaks milliseconds.
    timeToFirstChunkMs:
      typeof timeToFirstChunk === "number" && Number.isFinite(timeToFirstChunk)
        ? timeToFirstChunk * 1000
        : null,
  };
}

/** A column as a string, `null` for SQL NULL. */
export function textOrNull(value: SqliteValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A column as a number, `null` for SQL NULL. */
export function numberOrNull(value: SqliteValue | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
