import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { AggregationTemporality, ConsoleMetricExporter } from "@opentelemetry/sdk-metrics";
import { describe, expect, it } from "vitest";
import { readsCumulative } from "./read-metric-producer.js";

describe("readsCumulative", () => {
  it("is true for the SDK default and an OTLP exporter left at cumulative", () => {
    expect(readsCumulative({})).toBe(true);
    expect(readsCumulative(new ConsoleMetricExporter())).toBe(true);
    expect(readsCumulative(new OTLPMetricExporter())).toBe(true);
  });

  it("is false for an exporter that prefers delta (Sightline's aggregation is cumulative only)", () => {
    const exporter = new OTLPMetricExporter({ temporalityPreference: AggregationTemporality.DELTA });
    expect(readsCumulative(exporter)).toBe(false);
  });
});
