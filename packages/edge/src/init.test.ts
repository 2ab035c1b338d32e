import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { context, metrics, propagation, trace } from "@opentelemetry/api";
import { getSightlineContext, withContext } from "@sightline/core";
import { type OtlpCaptureReceiver, startOtlpCaptureReceiver } from "@sightline/otlp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { init } from "./init.js";

let receiver: OtlpCaptureReceiver;
beforeAll(async () => {
  receiver = await startOtlpCaptureReceiver();
});
afterAll(() => receiver.close());
afterEach(async () => {
  const runtime = globalThis as Record<symbol, { shutdown(): Promise<void> } | undefined>;
  await runtime[Symbol.for("sightline.edge.telemetry")]?.shutdown();
  delete runtime[Symbol.for("sightline.edge.telemetry")];
  trace.disable();
  metrics.disable();
  context.disable();
  propagation.disable();
  receiver.reset();
});

describe("init", () => {
  it("sends spans and metrics as OTLP JSON on flush(), with the service name and parents kept across await", async () => {
    const logs: string[] = [];
    const telemetry = init({
      serviceName: "edge-test",
      endpoint: receiver.url,
      log: (line) => logs.push(line),
    });
    expect(telemetry.started).toBe(true);
    expect(telemetry.contextPropagation).toBe("async-local-storage");
    const tracer = trace.getTracer("test");
    await tracer.startActiveSpan("parent", async (parent) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      tracer.startSpan("child").end();
      parent.end();
    });
    metrics.getMeter("test").createCounter("edge.test.calls").add(3);
    expect(receiver.spans()).toEqual([]); // nothing leaves before flush: no timers on the edge

    await telemetry.flush();
    const spans = receiver.spans();
    expect(spans.map((span) => span.name).sort()).toEqual(["child", "parent"]);
    const parent = spans.find((span) => span.name === "parent");
    expect(spans.find((span) => span.name === "child")?.parentSpanId).toBe(parent?.spanId);
    expect(parent?.resource["service.name"]).toBe("edge-test");
    expect(parent?.resource["service.instance.id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(parent?.resource["telemetry.sdk.name"]).toBe("opentelemetry");
    expect(receiver.requests.every((request) => request.contentType === "application/json")).toBe(true);
    const [counter] = await receiver.waitForMetrics("edge.test.calls");
    expect(counter?.points[0]?.value).toBe(3);
    expect(logs).toEqual([]);
  });

  it("returns the running telemetry on a second call in the same isolate", () => {
    const first = init({ endpoint: receiver.url });
    const second = init({ endpoint: "http://127.0.0.1:9" });
    expect(second.started).toBe(false);
    expect(second.description).toEqual(first.description);
  });

  it("starts afresh after shutdown() rather than handing back the stopped telemetry", async () => {
    const first = init({ endpoint: receiver.url, metrics: false });
    await first.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
    const next = init({ endpoint: receiver.url, metrics: false, serviceName: "after-restart" });
    expect(next.started).toBe(true);
    trace.getTracer("test").startSpan("after").end();
    await next.flush();
    expect(receiver.spans().map((span) => span.resource["service.name"])).toEqual(["after-restart"]);
  });

  it("keeps withContext values across await through the runtime's AsyncLocalStorage", async () => {
    init({ endpoint: receiver.url, metrics: false });
    const seen = await withContext({ feature: "edge" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return getSightlineContext();
    });
    expect(seen).toEqual({ feature: "edge" });
  });

  it("says when it has no AsyncLocalStorage instead of failing", () => {
    const logs: string[] = [];
    const telemetry = init({
      endpoint: receiver.url,
      asyncLocalStorage: false,
      log: (line) => logs.push(line),
    });
    expect(telemetry.contextPropagation).toBe("none");
    expect(logs.join("\n")).toMatch(/no AsyncLocalStorage.*nodejs_compat/);
  });

  it("reports an unreachable collector once through log, and flush() resolves within its bound without throwing", async () => {
    const logs: string[] = [];
    const telemetry = init({
      endpoint: "http://127.0.0.1:9",
      flushTimeoutMs: 500,
      metrics: false,
      log: (line) => logs.push(line),
    });
    for (let round = 0; round < 3; round++) {
      trace.getTracer("test").startSpan(`lost-${round}`).end();
      const started = Date.now();
      await expect(telemetry.flush()).resolves.toBeUndefined();
      expect(Date.now() - started).toBeLessThan(1500);
    }
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/exporting traces failed: .*127\.0\.0\.1:9/);
  });

  it("reports a collector answering an error status", async () => {
    const overloaded = createServer((_request, response) => response.writeHead(503).end());
    await new Promise<void>((resolve) => overloaded.listen(0, "127.0.0.1", resolve));
    const { port } = overloaded.address() as AddressInfo;
    const logs: string[] = [];
    const telemetry = init({
      endpoint: `http://127.0.0.1:${port}`,
      metrics: false,
      log: (line) => logs.push(line),
    });
    trace.getTracer("test").startSpan("rejected").end();
    await telemetry.flush();
    await new Promise((resolve) => overloaded.close(resolve));
    expect(logs[0]).toMatch(/exporting traces failed: HTTP 503/);
  });

  it("bounds memory: spans past maxQueuedSpans are dropped and reported, the rest are sent", async () => {
    const logs: string[] = [];
    const telemetry = init({
      endpoint: receiver.url,
      metrics: false,
      maxQueuedSpans: 3,
      maxExportBatchSize: 100,
      log: (line) => logs.push(line),
    });
    for (let index = 0; index < 5; index++) trace.getTracer("test").startSpan(`span-${index}`).end();
    await telemetry.flush();
    expect(receiver.spans()).toHaveLength(3);
    expect(logs.join("\n")).toMatch(/span queue full/);
  });

  it("sends a full batch before flush()", async () => {
    init({ endpoint: receiver.url, metrics: false, maxExportBatchSize: 2 });
    for (let index = 0; index < 2; index++) trace.getTracer("test").startSpan(`batched-${index}`).end();
    expect(await receiver.waitForSpans(2)).toHaveLength(2);
  });

  it("reads the endpoint, service name and headers from the env record (a Worker's env binding)", async () => {
    const telemetry = init({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.url}/`,
        OTEL_SERVICE_NAME: "from-env",
        OTEL_EXPORTER_OTLP_HEADERS: "x-team=edge",
        SIGHTLINE_METRICS: "none",
      },
    });
    expect(telemetry.description).toEqual([
      `traces → ${receiver.url}/v1/traces (http/json)`,
      "metrics → none",
    ]);
    trace.getTracer("test").startSpan("configured").end();
    await telemetry.flush();
    expect(receiver.spans()[0]?.resource["service.name"]).toBe("from-env");
    expect(receiver.requests[0]?.headers["x-team"]).toBe("edge");
  });
});
