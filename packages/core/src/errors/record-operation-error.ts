import { type Attributes, type Span, SpanStatusCode } from "@opentelemetry/api";
import type { ResolvedConfig } from "../config/internal-types.js";
import {
  ATTR_EXCEPTION_MESSAGE,
  ATTR_EXCEPTION_STACKTRACE,
  ATTR_EXCEPTION_TYPE,
  EVENT_EXCEPTION,
} from "../semconv.js";
import { emitExceptionLogRecord } from "./emit-exception-log-record.js";
import { getErrorClassName } from "./get-error-info.js";
import { reportTelemetryError } from "./report-telemetry-error.js";

/** Longest error message kept on a span: every provider's message fits, an echoed request body does not. */
export const MAX_ERROR_MESSAGE_LENGTH = 1024;
/** Longest stack trace kept on a span. */
export const MAX_ERROR_STACK_LENGTH = 8192;
const CUT_MARKER = "…[truncated]";

/**
 * Marks a span as failed with `error`: status ERROR with the error's message, and an `exception`
 * event (type, message, stack). Provider errors echo what they were sent (an API key in a 401, an
 * e-mail address in a 400), so every text goes through the same redaction as captured content,
 * with content capture on or off, and is bounded. The event is built here rather than by
 * `span.recordException`, which prefers an error's `code` (`rate_limit_exceeded`) to its class for
 * `exception.type` and would copy the raw text. When a logger provider is registered, the same
 * attributes also go out as the `gen_ai.client.operation.exception` log event. The error object
 * itself is never changed.
 */
export function recordOperationError(options: {
  span: Span;
  config: Pick<ResolvedConfig, "redactContent" | "getErrorRedactor">;
  error: unknown;
}): void {
  const { span, config, error } = options;
  const message = cleanErrorText({ config, text: readMessage(error), maxLength: MAX_ERROR_MESSAGE_LENGTH });
  if (error instanceof Error) {
    const event: Attributes = { [ATTR_EXCEPTION_TYPE]: getErrorClassName(error) ?? "Error" };
    if (message) event[ATTR_EXCEPTION_MESSAGE] = message;
    const stack = readStack(error);
    if (stack) {
      event[ATTR_EXCEPTION_STACKTRACE] = cleanErrorText({
        config,
        text: stack,
        maxLength: MAX_ERROR_STACK_LENGTH,
      });
    }
    span.addEvent(EVENT_EXCEPTION, event);
    // The same values as a log event, for backends that read exceptions from logs (semconv v1.41).
    emitExceptionLogRecord({ span, attributes: event });
  }
  span.setStatus({ code: SpanStatusCode.ERROR, message: message || "operation failed" });
}

/** The user's hook, then the redactor, then the bound; a hook that throws drops the text rather than leak it. */
function cleanErrorText(options: {
  config: Pick<ResolvedConfig, "redactContent" | "getErrorRedactor">;
  text: string;
  maxLength: number;
}): string {
  const { config, maxLength } = options;
  let text = options.text;
  if (text === "") return text;
  // Bound first as well, so redaction never scans an arbitrarily long echoed body.
  if (text.length > maxLength * 4) text = text.slice(0, maxLength * 4);
  if (config.redactContent) {
    try {
      text = String(config.redactContent(text, { attribute: ATTR_EXCEPTION_MESSAGE }));
    } catch (error) {
      reportTelemetryError("redacting an error message (redactContent)", error);
      return "[REDACTED:redaction_failed]";
    }
  }
  const redactor = config.getErrorRedactor();
  if (redactor) text = redactor.redact(text).text;
  return text.length > maxLength ? `${text.slice(0, maxLength - CUT_MARKER.length)}${CUT_MARKER}` : text;
}

function readMessage(error: unknown): string {
  try {
    if (error instanceof Error) return typeof error.message === "string" ? error.message : "";
    return typeof error === "string" ? error : "";
  } catch {
    return "";
  }
}

function readStack(error: Error): string | undefined {
  try {
    return typeof error.stack === "string" ? error.stack : undefined;
  } catch (stackError) {
    reportTelemetryError("reading an error's stack", stackError);
    return undefined;
  }
}
