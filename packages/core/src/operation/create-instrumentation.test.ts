import type { Tracer, TracerProvider } from "@opentelemetry/api";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createInstrumentation } from "./create-instrumentation.js";

const telemetry = createTestTelemetry();
afterAll(() => telemetry.shutdown());

describe("createInstrumentation().traceOperation", () => {
  it("returns the call's own result object and re-throws a synchronous error unchanged", () => {
    const instrumentation = createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: { tracerProvider: telemetry.tracerProvider },
    });
    const result = { marker: true };
    expect(
      instrumentation.traceOperation({
        request: { operation: "chat", model: "m" },
        target: { provider: "p" },
        invoke: () => result,
        observe: (_value, operation) => operation.succeed({}),
      }),
    ).toBe(result);
    const thrown = new RangeError("bad params");
    expect(() =>
      instrumentation.traceOperation({
        request: { operation: "chat", model: "m" },
        target: { provider: "p" },
        invoke: () => {
          throw thrown;
        },
        observe: () => {},
      }),
    ).toThrow(thrown);
    const failed = telemetry.spans().at(-1);
    expect(failed?.attributes["error.type"]).toBe("RangeError");
  });

  it("still makes the call when the tracer itself throws", () => {
    const brokenProvider = {
      getTracer: (): Tracer =>
        ({
          startSpan: () => {
            throw new Error("tracer is broken");
          },
        }) as unknown as Tracer,
    } as TracerProvider;
    const instrumentation = createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: { tracerProvider: brokenProvider },
    });
    let calls = 0;
    const value = instrumentation.traceOperation({
      request: { operation: "chat" },
      target: { provider: "p" },
      invoke: () => ++calls,
      observe: () => {},
    });
    expect(value).toBe(1);
    expect(calls).toBe(1);
  });

  it("keeps the call's result when the observer throws, and ends the span", () => {
    const instrumentation = createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: { tracerProvider: telemetry.tracerProvider },
    });
    const before = telemetry.spans().length;
    const value = instrumentation.traceOperation({
      request: { operation: "chat", model: "observer-bug" },
      target: { provider: "p" },
      invoke: () => "result",
      observe: () => {
        throw new Error("observer bug");
      },
    });
    expect(value).toBe("result");
    expect(telemetry.spans().length).toBe(before + 1);
  });

  it("never ends a span twice", () => {
    const instrumentation = createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: { tracerProvider: telemetry.tracerProvider },
    });
    const before = telemetry.spans().length;
    instrumentation.traceOperation({
      request: { operation: "chat", model: "twice" },
      target: { provider: "p" },
      invoke: () => undefined,
      observe: (_value, operation) => {
        operation.succeed({ usage: { inputTokens: 1 } });
        operation.fail(new Error("late"));
        operation.endStream("completed", undefined);
      },
    });
    const spans = telemetry.spans().slice(before);
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes["error.type"]).toBeUndefined();
  });
});
