import { type DiagLogger, diag, trace } from "@opentelemetry/api";
import { expect, it, vi } from "vitest";

// `@opentelemetry/api` 1.9 as the app may have it: everything but the `logs` export (added in 1.10).
vi.mock("@opentelemetry/api", async (importOriginal) => {
  const { logs: _logs, ...api19 } = await importOriginal<typeof import("@opentelemetry/api")>();
  return api19;
});

it("does nothing, and throws nothing, on an api without the Logs API", async () => {
  const { emitExceptionLogRecord } = await import("./emit-exception-log-record.js");
  const api = await import("@opentelemetry/api");
  expect("logs" in api).toBe(false);
  const reported: string[] = [];
  const record = (message: string) => reported.push(message);
  diag.setLogger({
    error: record,
    warn: record,
    info: () => {},
    debug: () => {},
    verbose: () => {},
  } as DiagLogger);
  const span = trace.wrapSpanContext({ traceId: "1".repeat(32), spanId: "2".repeat(16), traceFlags: 1 });
  expect(() =>
    emitExceptionLogRecord({ span, attributes: { "exception.type": "RateLimitError" } }),
  ).not.toThrow();
  // Feature-detected, not caught: a missing `logs` is the normal case on 1.9, not a telemetry failure.
  expect(reported).toEqual([]);
  diag.disable();
});
