import { type DiagLogger, diag } from "@opentelemetry/api";
import { createDriftMonitor } from "@sightline/drift";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, expect, it } from "vitest";
import { withContext } from "../context/with-context.js";
import { createInstrumentation } from "../operation/create-instrumentation.js";

const telemetry = createTestTelemetry();
const warnings: string[] = [];
const logger = {
  warn: (message: string) => warnings.push(message),
  error: () => {},
  info: () => {},
  debug: () => {},
  verbose: () => {},
} as DiagLogger;
afterEach(() => {
  diag.disable();
  warnings.length = 0;
});
afterAll(() => telemetry.shutdown());

it("warns once when the key bound is reached and exports streams and rolled-up calls", async () => {
  diag.setLogger(logger);
  const monitor = createDriftMonitor({ maxKeys: 3 });
  const instrumentation = createInstrumentation({
    scopeName: "test",
    scopeVersion: "0",
    options: {
      tracerProvider: telemetry.tracerProvider,
      meterProvider: telemetry.meterProvider,
      drift: { monitor },
    },
  });
  const call = (feature: string, model = "m") =>
    withContext({ feature }, () =>
      instrumentation.traceOperation({
        request: { operation: "chat", model },
        target: { provider: "test" },
        invoke: () => undefined,
        observe: (_result, operation) =>
          operation.succeed({ model: `${model}-1`, usage: { outputTokens: 5 } }),
      }),
    );
  for (let round = 0; round < 4; round++) for (const feature of ["a", "b", "c", "d", "e"]) call(feature);
  expect(warnings.filter((warning) => warning.includes("drift monitor holds its maximum of 3"))).toHaveLength(
    1,
  );
  const streams = await telemetry.metricPoints("sightline.gen_ai.drift.streams");
  expect(streams.map((point) => point.value)).toEqual([3]);
  const rolledUp = await telemetry.metricPoints("sightline.gen_ai.drift.rolled_up");
  const byKind = Object.fromEntries(
    rolledUp.map((point) => [point.attributes["sightline.drift.rollup"], point.value]),
  );
  expect(byKind).toEqual({ parent: monitor.stats?.().rolledUpCalls, unmonitored: 0 });
  expect(byKind.parent).toBeGreaterThan(0);
});

it("stays silent while every key has its own stream", () => {
  diag.setLogger(logger);
  const monitor = createDriftMonitor({ maxKeys: 8 });
  const instrumentation = createInstrumentation({
    scopeName: "test",
    scopeVersion: "0",
    options: {
      tracerProvider: telemetry.tracerProvider,
      meterProvider: telemetry.meterProvider,
      drift: { monitor },
    },
  });
  for (let call = 0; call < 40; call++)
    withContext({ feature: `f${call % 8}` }, () =>
      instrumentation.traceOperation({
        request: { operation: "chat", model: "m" },
        target: { provider: "test" },
        invoke: () => undefined,
        observe: (_result, operation) => operation.succeed({ model: "m-1" }),
      }),
    );
  expect(warnings).toEqual([]);
  expect(monitor.stats?.()).toMatchObject({ streams: 8, rolledUpCalls: 0 });
});
