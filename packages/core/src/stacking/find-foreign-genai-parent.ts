import { type Context, type Span, SpanKind, trace } from "@opentelemetry/api";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import { isSameKindOfCall, isSightlineScope, readOperationName } from "./read-genai-span.js";

/**
 * The active span when it is another tool's open GenAI CLIENT span for the same kind of call (the
 * AI SDK's `chat` span, a patched client's span around Sightline's wrapper): the call Sightline is
 * about to record is that one, so Sightline records onto it instead of starting a second span.
 * The span is an SDK object at run time; its fields are read defensively, and anything unexpected
 * means "no".
 */
export function findForeignGenAIParent(options: { context: Context; operation: string }): Span | undefined {
  try {
    const span = trace.getSpan(options.context);
    if (!span?.isRecording()) return undefined;
    const fields = span as unknown as {
      kind?: unknown;
      attributes?: unknown;
      instrumentationScope?: { name?: unknown };
    };
    if (fields.kind !== SpanKind.CLIENT) return undefined;
    const scopeName = fields.instrumentationScope?.name;
    if (typeof scopeName === "string" && isSightlineScope(scopeName)) return undefined;
    if (typeof fields.attributes !== "object" || fields.attributes === null) return undefined;
    const operation = readOperationName(fields.attributes as Record<string, never>);
    return operation !== undefined && isSameKindOfCall(operation, options.operation) ? span : undefined;
  } catch (error) {
    reportTelemetryError("looking for another tool's GenAI span", error);
    return undefined;
  }
}
