import { createDriftMonitor, createSeededRandom } from "@sightline/drift";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, expect, it } from "vitest";
import { createInstrumentation } from "../operation/create-instrumentation.js";

const telemetry = createTestTelemetry();
afterAll(() => telemetry.shutdown());

it("raises a bernoulli_cusum drift event when provider-reported refusals go from 2% to 8%", () => {
  const instrumentation = createInstrumentation({
    scopeName: "test",
    scopeVersion: "0",
    options: {
      tracerProvider: telemetry.tracerProvider,
      meterProvider: telemetry.meterProvider,
      drift: { monitor: createDriftMonitor({ warmupSize: 10 }) },
    },
  });
  const random = createSeededRandom(4);
  for (let call = 0; call < 3000; call++) {
    const refused = random.next() < (call < 1500 ? 0.02 : 0.08);
    instrumentation.traceOperation({
      request: { operation: "chat", model: "m" },
      target: { provider: "test" },
      invoke: () => undefined,
      observe: (_result, operation) =>
        operation.succeed(
          refused
            ? { model: "m-1", finishReasons: ["content_filter"], refusal: "content_filter" }
            : { model: "m-1", finishReasons: ["stop"] },
        ),
    });
  }
  const events = telemetry
    .spans()
    .flatMap((span) => span.events)
    .filter(
      (event) =>
        event.name === "sightline.drift" &&
        event.attributes?.["sightline.drift.detector"] === "bernoulli_cusum",
    );
  expect(events.length).toBeGreaterThan(0);
  expect(events[0]?.attributes?.["sightline.drift.signal"]).toBe("refusal");
});
