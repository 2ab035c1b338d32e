import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { expect, it } from "vitest";
import { createInstrumentation } from "../operation/create-instrumentation.js";

class PullReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

it("two provider packages on one meter provider each record under their own scope", async () => {
  const reader = new PullReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  for (const scopeName of ["@sightline/openai", "@sightline/anthropic"]) {
    createInstrumentation({
      scopeName,
      scopeVersion: "0",
      options: { meterProvider, cost: false, drift: false },
    }).traceOperation({
      request: { operation: "chat", model: "m" },
      target: { provider: "test" },
      invoke: () => undefined,
      observe: (_result, operation) => operation.succeed({}),
    });
  }
  const { resourceMetrics } = await reader.collect();
  const scopes = resourceMetrics.scopeMetrics
    .filter((scope) =>
      scope.metrics.some((metric) => metric.descriptor.name === "gen_ai.client.operation.duration"),
    )
    .map((scope) => scope.scope.name)
    .sort();
  expect(scopes).toEqual(["@sightline/anthropic", "@sightline/openai"]);
  await meterProvider.shutdown();
});
