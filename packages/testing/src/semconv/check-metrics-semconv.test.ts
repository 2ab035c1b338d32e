import { ValueType } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { createTestTelemetry, type TestTelemetry } from "../create-test-telemetry.js";
import { checkMetricsSemconv } from "./check-metrics-semconv.js";

const POINT = {
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": "gpt-4o",
  "server.address": "api.openai.com",
  "server.port": 443,
};

describe("checkMetricsSemconv", () => {
  let telemetry: TestTelemetry | undefined;
  afterEach(async () => telemetry?.shutdown());

  /** Records through a real meter and checks what it collects. */
  async function check(record: (meter: ReturnType<TestTelemetry["meterProvider"]["getMeter"]>) => void) {
    telemetry = createTestTelemetry();
    record(telemetry.meterProvider.getMeter("test"));
    return checkMetricsSemconv(await telemetry.collectMetrics(), { failedModels: ["failed-model"] })
      .filter((finding) => finding.severity === "violation")
      .map((finding) => `${finding.rule} ${finding.attribute ?? ""}`.trim());
  }

  it("passes the semconv duration and token histograms and Sightline's own metrics", async () => {
    const findings = await check((meter) => {
      meter.createHistogram("gen_ai.client.operation.duration", { unit: "s" }).record(0.2, POINT);
      meter
        .createHistogram("gen_ai.client.operation.duration", { unit: "s" })
        .record(0.1, { ...POINT, "gen_ai.request.model": "failed-model", "error.type": "RateLimitError" });
      const tokens = meter.createHistogram("gen_ai.client.token.usage", {
        unit: "{token}",
        valueType: ValueType.INT,
      });
      tokens.record(10, { ...POINT, "gen_ai.token.type": "input" });
      meter.createCounter("sightline.gen_ai.cost", { unit: "USD" }).add(0.01, POINT);
    });
    expect(findings).toEqual([]);
  });

  it("fails a wrong unit, a wrong instrument, an unknown GenAI metric and a missing point attribute", async () => {
    const findings = await check((meter) => {
      meter.createHistogram("gen_ai.client.operation.duration", { unit: "ms" }).record(200, POINT);
      meter.createCounter("gen_ai.client.token.usage", { unit: "{token}" }).add(10, POINT);
      meter.createHistogram("gen_ai.client.request.duration", { unit: "s" }).record(1, POINT);
    });
    expect(findings).toEqual([
      "metric-unit",
      "metric-instrument",
      "required-attribute gen_ai.token.type",
      "unknown-metric",
    ]);
  });

  it("requires error.type exactly on the points of failed calls", async () => {
    const findings = await check((meter) => {
      const duration = meter.createHistogram("gen_ai.client.operation.duration", { unit: "s" });
      duration.record(0.1, { ...POINT, "gen_ai.request.model": "failed-model" });
      duration.record(0.1, { ...POINT, "error.type": "_OTHER" });
    });
    expect(findings).toEqual([
      "conditionally-required-attribute error.type",
      "conditionally-required-attribute error.type",
    ]);
  });

  it("checks point attributes like span attributes: misspelled, mistyped, misspelled enum values", async () => {
    const findings = await check((meter) => {
      meter.createHistogram("gen_ai.client.token.usage", { unit: "{token}" }).record(1, {
        ...POINT,
        "server.port": "443",
        "gen_ai.token.type": "Input",
        "gen_ai.operation.nam": "chat",
      });
    });
    expect(findings).toEqual([
      "attribute-type server.port",
      "enum-value gen_ai.token.type",
      "unknown-attribute gen_ai.operation.nam",
    ]);
  });
});
