import type { CapturedSpan } from "@sightline/otlp";
import type { SqliteValue } from "./sqlite-types.js";
import { NAMES } from "./store-names.js";

/** The `spans` columns, in the order of {@link SPAN_COLUMNS}. */
export type SpanRow = SqliteValue[];

/** Column names of the `spans` table, in the order {@link convertSpanToRow} fills them. */
export const SPAN_COLUMNS = [
  "trace_id",
  "span_id",
  "parent_span_id",
  "name",
  "kind",
  "start_ms",
  "duration_ms",
  "status_code",
  "status_message",
  "service",
  "operation",
  "provider",
  "request_model",
  "response_model",
  "model",
  "feature",
  "conversation_id",
  "input_tokens",
  "output_tokens",
  "cost_usd",
  "error_type",
  "is_genai",
  "has_drift",
  "has_model_change",
  "attributes",
  "events",
  "resource",
  "scope_name",
  "scope_version",
] as const;

/** Turns a decoded span into a `spans` row: raw JSON plus the columns the API filters and sums by. */
export function convertSpanToRow(span: CapturedSpan): SpanRow {
  const attributes = span.attributes;
  const startMs = convertUnixNanoToMs(span.startTimeUnixNano) ?? 0;
  const endMs = convertUnixNanoToMs(span.endTimeUnixNano) ?? startMs;
  const operation = textOf(attributes[NAMES.operation]);
  const requestModel = textOf(attributes[NAMES.requestModel]);
  const responseModel = textOf(attributes[NAMES.responseModel]);
  const events = span.events.map((event) => ({
    name: event.name,
    timeMs: convertUnixNanoToMs(event.timeUnixNano) ?? startMs,
    attributes: event.attributes,
  }));
  return [
    span.traceId,
    span.spanId,
    span.parentSpanId ?? null,
    span.name,
    span.kind,
    startMs,
    Math.max(0, endMs - startMs),
    span.status.code,
    span.status.message ?? null,
    textOf(span.resource[NAMES.serviceName]),
    operation,
    textOf(attributes[NAMES.provider]) ?? textOf(attributes[NAMES.legacySystem]),
    requestModel,
    responseModel,
    responseModel ?? requestModel,
    textOf(attributes[NAMES.feature]),
    textOf(attributes[NAMES.conversationId]),
    wholeOf(attributes[NAMES.inputTokens]),
    wholeOf(attributes[NAMES.outputTokens]),
    numberOf(attributes[NAMES.cost]),
    textOf(attributes[NAMES.errorType]),
    operation === null ? 0 : 1,
    events.some((event) => event.name === NAMES.driftEvent) ? 1 : 0,
    events.some((event) => event.name === NAMES.modelChangeEvent) ? 1 : 0,
    JSON.stringify(attributes),
    JSON.stringify(events),
    JSON.stringify(span.resource),
    span.scope.name,
    span.scope.version ?? null,
  ];
}

/** Unix nanoseconds (decimal string) to epoch milliseconds with microsecond precision; `null` when unset or not a number. */
export function convertUnixNanoToMs(value: string | undefined): number | null {
  if (value === undefined || !/^[0-9]{1,20}$/.test(value)) return null;
  return Number(BigInt(value) / 1000n) / 1000;
}

/** A non-empty string attribute, else `null`. */
export function textOf(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** A finite number attribute, else `null`. */
export function numberOf(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function wholeOf(value: unknown): number | null {
  const number = numberOf(value);
  return number === null ? null : Math.round(number);
}
