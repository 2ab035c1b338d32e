import {
  AggregationTemporality,
  MeterProvider,
  type PushMetricExporter,
  type ResourceMetrics,
} from "@opentelemetry/sdk-metrics";
import { describe, expect, it } from "vitest";
import { createPeriodicMetricReader } from "./create-periodic-metric-reader.js";

/** An exporter that records the value of counter `calls` in each export, and answers unless told not to. */
function createRecordingExporter(options: { answer: boolean }) {
  const exported: number[] = [];
  let shutDown = false;
  const exporter: PushMetricExporter = {
    export(metrics: ResourceMetrics, callback) {
      const point = metrics.scopeMetrics[0]?.metrics[0]?.dataPoints[0];
      exported.push(typeof point?.value === "number" ? point.value : Number.NaN);
      if (options.answer) callback({ code: 0 });
    },
    forceFlush: async () => {},
    shutdown: async () => {
      shutDown = true;
    },
    selectAggregationTemporality: () => AggregationTemporality.CUMULATIVE,
  };
  return { exporter, exported, isShutDown: () => shutDown };
}

const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe("createPeriodicMetricReader", () => {
  it("exports on its interval, on flush, and one last time on shutdown", async () => {
    const recording = createRecordingExporter({ answer: true });
    const reader = createPeriodicMetricReader({
      exporter: recording.exporter,
      exportIntervalMillis: 40,
      exportTimeoutMillis: 40,
    });
    const provider = new MeterProvider({ readers: [reader] });
    const counter = provider.getMeter("test").createCounter("calls");
    counter.add(1);
    await wait(100);
    expect(recording.exported.length).toBeGreaterThanOrEqual(1);
    expect(recording.exported[0]).toBe(1);
    counter.add(2);
    await reader.forceFlush();
    expect(recording.exported.at(-1)).toBe(3);
    counter.add(4);
    await provider.shutdown();
    expect(recording.exported.at(-1)).toBe(7);
    expect(recording.isShutDown()).toBe(true);
  });

  it("moves on when an export never answers, after its timeout", async () => {
    const recording = createRecordingExporter({ answer: false });
    const reader = createPeriodicMetricReader({
      exporter: recording.exporter,
      exportIntervalMillis: 60_000,
      exportTimeoutMillis: 50,
    });
    const provider = new MeterProvider({ readers: [reader] });
    provider.getMeter("test").createCounter("calls").add(1);
    const started = performance.now();
    await reader.forceFlush();
    expect(recording.exported).toEqual([1]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
