import { createDriftMonitor } from "@sightline/drift";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, expect, it } from "vitest";
import { createInstrumentation } from "../operation/create-instrumentation.js";

const telemetry = createTestTelemetry();
afterAll(() => telemetry.shutdown());

it("two wrapped clients sharing a monitor read its scores once per collection", async () => {
  const inner = createDriftMonitor({ referenceSize: 5, windowSize: 5, minimumWindowCount: 5 });
  let scoreReads = 0;
  const monitor = {
    ...inner,
    observe: inner.observe.bind(inner),
    scores: () => {
      scoreReads++;
      return inner.scores();
    },
  };
  const clients = [0, 1].map(() =>
    createInstrumentation({
      scopeName: "test",
      scopeVersion: "0",
      options: {
        tracerProvider: telemetry.tracerProvider,
        meterProvider: telemetry.meterProvider,
        drift: { monitor },
      },
    }),
  );
  for (let call = 0; call < 20; call++) {
    clients[call % 2]?.traceOperation({
      request: { operation: "chat", model: "m" },
      target: { provider: "test" },
      invoke: () => undefined,
      observe: (_result, operation) =>
        operation.succeed({
          model: "m-1",
          usage: { inputTokens: 10 + (call % 3), outputTokens: 20 + (call % 5) },
        }),
    });
  }
  const points = await telemetry.metricPoints("sightline.gen_ai.drift.score");
  expect(points.length).toBeGreaterThan(0);
  expect(scoreReads).toBe(1);
});
