import { context, SpanStatusCode } from "@opentelemetry/api";
import { startAgentSpan } from "@sightline/core/provider";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createRunRegistry } from "./create-run-registry.js";

const telemetry = createTestTelemetry();
afterAll(() => telemetry.shutdown());

describe("createRunRegistry", () => {
  it("is bounded: past the cap the oldest run is ended as abandoned and forgotten", () => {
    const runs = createRunRegistry(2);
    const spans = ["a", "b", "c"].map((name) =>
      startAgentSpan(name, { tracerProvider: telemetry.tracerProvider }),
    );
    spans.forEach((span, index) => {
      runs.add(`run-${index}`, { context: context.active(), span });
    });
    expect(runs.size).toBe(2);
    expect(runs.get("run-0")).toBeUndefined();
    const [ended] = telemetry.spans();
    expect(ended?.name).toBe("invoke_agent a");
    expect(runs.close("run-1", { error: new TypeError("boom") })).toBeDefined();
    expect(runs.close("run-1", {})).toBeUndefined();
    expect(telemetry.spans().find((span) => span.name === "invoke_agent b")?.status.code).toBe(
      SpanStatusCode.ERROR,
    );
    expect(runs.size).toBe(1);
  });
});
