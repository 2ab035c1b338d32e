import * as otelApi from "@opentelemetry/api";
import { type Attributes, context, type Span, trace } from "@opentelemetry/api";
import { CORE_SCOPE_NAME } from "../metrics/create-core-instruments.js";
import { EVENT_GEN_AI_CLIENT_OPERATION_EXCEPTION } from "../semconv.js";
import { PACKAGE_VERSION } from "../version.js";
import { reportTelemetryError } from "./report-telemetry-error.js";

/** WARN, as semconv asks for this event (`SeverityNumber` itself exists only in api 1.10). */
const SEVERITY_WARN = 13;

/** The part of api 1.10's Logs API used here, declared locally so api 1.9 still type-checks. */
interface LogsApiLike {
  getLoggerProvider(): LoggerProviderLike;
}
interface LoggerProviderLike {
  getLogger(name: string, version?: string): LoggerLike;
}
interface LoggerLike {
  emit(record: {
    eventName?: string;
    severityNumber?: number;
    severityText?: string;
    attributes?: Attributes;
    context?: otelApi.Context;
  }): void;
}

/**
 * Emits the semconv `gen_ai.client.operation.exception` event for a failed operation through the
 * OTel Logs API, in the span's context so the record carries its trace and span ids. Nothing on
 * api 1.9 (no `logs` export) or while no logger provider is registered: the API's own proxy drops
 * every record, so building one per failed call would be wasted work. `attributes` are the
 * `exception.*` values already redacted and bounded for the span's `exception` event.
 */
export function emitExceptionLogRecord(options: { span: Span; attributes: Attributes }): void {
  try {
    const provider = getRegisteredLoggerProvider();
    if (!provider) return;
    provider.getLogger(CORE_SCOPE_NAME, PACKAGE_VERSION).emit({
      eventName: EVENT_GEN_AI_CLIENT_OPERATION_EXCEPTION,
      severityNumber: SEVERITY_WARN,
      severityText: "WARN",
      attributes: options.attributes,
      context: trace.setSpan(context.active(), options.span),
    });
  } catch (error) {
    reportTelemetryError("emitting the gen_ai.client.operation.exception log record", error);
  }
}

function getRegisteredLoggerProvider(): LoggerProviderLike | undefined {
  // Read through the namespace: a named import of `logs` would fail to link against api 1.9.
  if (!("logs" in otelApi)) return undefined;
  const logsApi = (otelApi as unknown as { logs?: LogsApiLike }).logs;
  if (typeof logsApi?.getLoggerProvider !== "function") return undefined;
  const provider = logsApi.getLoggerProvider();
  // Before an SDK registers a provider, the API returns its proxy (a `_setDelegate` method and
  // no delegate yet); once one is registered, the API returns that provider itself.
  const proxy = provider as { _setDelegate?: unknown; _delegate?: unknown };
  if (typeof proxy._setDelegate === "function" && proxy._delegate === undefined) return undefined;
  return provider;
}
