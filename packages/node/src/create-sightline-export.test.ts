import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { TracerProvider } from "@opentelemetry/sdk-trace";
import { afterEach, describe, expect, it } from "vitest";
import { createSightlineExport } from "./create-sightline-export.js";
import { type FaultyCollector, getClosedPort, startFaultyCollector } from "./start-faulty-collector.js";

// These build their own providers, as an app with its own OpenTelemetry setup does: nothing global.
describe("createSightlineExport", () => {
  let collector: FaultyCollector | undefined;
  afterEach(async () => {
    await collector?.close();
    collector = undefined;
  });

  it("reports export failures through options.log, like init, in one line at shutdown", async () => {
    const port = await getClosedPort();
    const logged: string[] = [];
    const sightline = createSightlineExport({
      endpoint: `http://127.0.0.1:${port}`,
      shutdownTimeoutMs: 300,
      log: (message) => logged.push(message),
      env: {},
    });
    const tracerProvider = new TracerProvider({ spanProcessors: sightline.spanProcessors });
    const meterProvider = new MeterProvider({ readers: sightline.metricReaders, views: sightline.views });
    tracerProvider.getTracer("app").startSpan("work").end();
    meterProvider.getMeter("app").createCounter("requests").add(1);
    await tracerProvider.shutdown().catch(() => {});
    await meterProvider.shutdown().catch(() => {});
    expect(logged).toEqual([
      `1 span could not be delivered to http://127.0.0.1:${port}/v1/traces (ECONNREFUSED)`,
      `1 metric data point could not be delivered to http://127.0.0.1:${port}/v1/metrics (ECONNREFUSED)`,
    ]);
  });

  it("counts spans dropped because the export queue was full", async () => {
    collector = await startFaultyCollector({ behave: () => "hang" });
    const logged: string[] = [];
    const sightline = createSightlineExport({
      endpoint: collector.url,
      metrics: "none",
      shutdownTimeoutMs: 300,
      log: (message) => logged.push(message),
      env: {},
    });
    const tracerProvider = new TracerProvider({ spanProcessors: sightline.spanProcessors });
    const tracer = tracerProvider.getTracer("app");
    // One batch of 512 goes out and hangs; the queue holds 2048 more; the last 440 have no room. Shutdown
    // sends no new batch once its bound has passed, so what is still queued then is never sent either.
    for (let index = 0; index < 3000; index++) tracer.startSpan("work").end();
    await tracerProvider.shutdown().catch(() => {});
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      new RegExp(
        `^3000 spans could not be delivered to ${collector.url}/v1/traces \\(.*\\d+ spans: never sent`,
      ),
    );
  });
});
