import { gzipSync } from "node:zlib";
import { context, SpanKind, SpanStatusCode, trace, ValueType } from "@opentelemetry/api";
import { OTLPMetricExporter as OTLPHttpJsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as OTLPProtoMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as OTLPHttpJsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { SimpleSpanProcessor, type SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOtlpCaptureReceiver } from "./start-otlp-capture-receiver.js";
import type { OtlpCaptureReceiver } from "./types.js";

let receiver: OtlpCaptureReceiver;

beforeAll(async () => {
  receiver = await startOtlpCaptureReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.reset());

/** A fixed event time (2026-01-02T03:04:05.006Z), so its nanoseconds can be compared exactly. */
const EVENT_TIME = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
const EVENT_TIME_UNIX_NANO = `${EVENT_TIME.getTime()}000000`;

async function exportSpans(exporter: SpanExporter): Promise<void> {
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const tracer = provider.getTracer("sightline-test", "1.2.3");
  // No context manager is registered here, so the parent is passed explicitly.
  const parent = tracer.startSpan("parent");
  const child = tracer.startSpan(
    "chat gpt-4o",
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.usage.input_tokens": 12,
        "gen_ai.request.temperature": 0.5,
        "gen_ai.response.finish_reasons": ["stop", "length"],
        "sightline.flag": true,
      },
    },
    trace.setSpan(context.active(), parent),
  );
  child.addEvent("first chunk", { "chunk.index": 0 }, EVENT_TIME);
  child.setStatus({ code: SpanStatusCode.ERROR, message: "boom" });
  child.end();
  parent.end();
  await provider.forceFlush();
  await provider.shutdown();
}

describe.each([
  {
    label: "JSON",
    createExporter: (url: string) => new OTLPHttpJsonTraceExporter({ url }),
    contentType: "application/json",
  },
  {
    label: "protobuf",
    createExporter: (url: string) => new OTLPProtoTraceExporter({ url }),
    contentType: "application/x-protobuf",
  },
])("traces over OTLP/HTTP $label", ({ createExporter, contentType }) => {
  it("decodes spans with ids, kind, attributes, events, status, resource and scope", async () => {
    await exportSpans(createExporter(`${receiver.url}/otlp/v1/traces`));
    const spans = await receiver.waitForSpans(2);
    expect(receiver.requests[0]).toMatchObject({ path: "/otlp/v1/traces", contentType });
    const child = spans.find((span) => span.name === "chat gpt-4o");
    const parent = spans.find((span) => span.name === "parent");
    expect(child).toBeDefined();
    expect(parent).toBeDefined();
    expect(child?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(child?.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(child?.traceId).toBe(parent?.traceId);
    expect(child?.parentSpanId).toBe(parent?.spanId);
    expect(parent?.parentSpanId).toBeUndefined();
    expect(child?.kind).toBe(3);
    expect(parent?.kind).toBe(1);
    expect(child?.attributes).toEqual({
      "gen_ai.operation.name": "chat",
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.request.temperature": 0.5,
      "gen_ai.response.finish_reasons": ["stop", "length"],
      "sightline.flag": true,
    });
    expect(child?.events).toEqual([
      { name: "first chunk", timeUnixNano: EVENT_TIME_UNIX_NANO, attributes: { "chunk.index": 0 } },
    ]);
    expect(child?.status).toEqual({ code: 2, message: "boom" });
    expect(parent?.status).toEqual({ code: 0 });
    expect(child?.scope).toEqual({ name: "sightline-test", version: "1.2.3" });
    expect(child?.resource["telemetry.sdk.language"]).toBe("nodejs");
    expect(BigInt(child?.endTimeUnixNano ?? "0")).toBeGreaterThanOrEqual(
      BigInt(child?.startTimeUnixNano ?? "1"),
    );
    expect(BigInt(child?.startTimeUnixNano ?? "0")).toBeGreaterThan(0n);
  });
});

describe.each([
  {
    label: "JSON",
    createExporter: (url: string) => new OTLPHttpJsonMetricExporter({ url }),
    contentType: "application/json",
  },
  {
    label: "protobuf",
    createExporter: (url: string) => new OTLPProtoMetricExporter({ url }),
    contentType: "application/x-protobuf",
  },
])("metrics over OTLP/HTTP $label", ({ createExporter, contentType }) => {
  it("decodes sums, gauges and histograms after forceFlush", async () => {
    const before = BigInt(Date.now()) * 1_000_000n;
    const reader = new PeriodicExportingMetricReader({
      exporter: createExporter(`${receiver.url}/v1/metrics`),
      exportIntervalMillis: 60_000,
    });
    const provider = new MeterProvider({ readers: [reader] });
    const meter = provider.getMeter("sightline-metrics", "0.1.0");
    const counter = meter.createCounter("test.requests", { unit: "{request}", description: "Requests" });
    counter.add(2, { route: "chat" });
    counter.add(3, { route: "chat" });
    meter.createCounter("test.calls", { valueType: ValueType.INT }).add(4);
    const gauge = meter.createGauge("test.temperature");
    gauge.record(21.5);
    const histogram = meter.createHistogram("gen_ai.client.operation.duration", {
      unit: "s",
      advice: { explicitBucketBoundaries: [0.1, 1, 10] },
    });
    histogram.record(0.05, { "gen_ai.operation.name": "chat" });
    histogram.record(2, { "gen_ai.operation.name": "chat" });
    await provider.forceFlush();

    const [requests] = await receiver.waitForMetrics("test.requests");
    expect(requests).toMatchObject({
      kind: "sum",
      unit: "{request}",
      description: "Requests",
      temporality: "cumulative",
      monotonic: true,
    });
    expect(requests?.points).toEqual([
      { timeUnixNano: expect.any(String), attributes: { route: "chat" }, value: 5, valueType: "double" },
    ]);
    // The point's time is when the reader collected it: after the test started, before now.
    const pointTime = BigInt(requests?.points[0]?.timeUnixNano ?? "0");
    expect(pointTime).toBeGreaterThanOrEqual(before);
    expect(pointTime).toBeLessThanOrEqual(BigInt(Date.now()) * 1_000_000n);
    expect(requests?.scope).toEqual({ name: "sightline-metrics", version: "0.1.0" });
    const [temperature] = await receiver.waitForMetrics("test.temperature");
    expect(temperature?.kind).toBe("gauge");
    expect(temperature?.temporality).toBeUndefined();
    expect(temperature?.points[0]?.value).toBe(21.5);
    const [calls] = await receiver.waitForMetrics("test.calls");
    expect(calls?.points).toEqual([
      { timeUnixNano: expect.any(String), attributes: {}, value: 4, valueType: "int" },
    ]);
    const [duration] = await receiver.waitForMetrics("gen_ai.client.operation.duration");
    expect(duration?.kind).toBe("histogram");
    expect(duration?.temporality).toBe("cumulative");
    expect(duration?.points[0]).toMatchObject({
      timeUnixNano: expect.stringMatching(/^[1-9][0-9]{18}$/),
      attributes: { "gen_ai.operation.name": "chat" },
      count: 2,
      sum: 2.05,
      explicitBounds: [0.1, 1, 10],
      bucketCounts: [1, 0, 1, 0],
    });
    expect(receiver.requests.at(-1)?.contentType).toBe(contentType);
    await provider.shutdown();
  });
});

describe("traces through @opentelemetry/sdk-node", () => {
  it("receives the span NodeSDK exports over OTLP/HTTP JSON, with the service name", async () => {
    const sdk = new NodeSDK({
      serviceName: "sightline-node-sdk-test",
      traceExporter: new OTLPHttpJsonTraceExporter({ url: `${receiver.url}/v1/traces` }),
      instrumentations: [],
    });
    sdk.start();
    trace.getTracer("node-sdk-test").startSpan("via node sdk").end();
    await sdk.shutdown();
    const [span] = await receiver.waitForSpans(1);
    expect(span?.name).toBe("via node sdk");
    expect(span?.resource["service.name"]).toBe("sightline-node-sdk-test");
  });
});

describe("receiver robustness", () => {
  it("accepts a gzip-encoded JSON body", async () => {
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "gz" } }] },
          scopeSpans: [
            {
              scope: { name: "manual" },
              spans: [
                {
                  traceId: "0af7651916cd43dd8448eb211c80319c",
                  spanId: "b7ad6b7169203331",
                  name: "gzipped",
                  kind: 3,
                  startTimeUnixNano: "1",
                  endTimeUnixNano: "2",
                  attributes: [{ key: "n", value: { intValue: "7" } }],
                },
              ],
            },
          ],
        },
      ],
    };
    const response = await fetch(`${receiver.url}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(JSON.stringify(body)),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(receiver.spans()).toEqual([
      {
        traceId: "0af7651916cd43dd8448eb211c80319c",
        spanId: "b7ad6b7169203331",
        name: "gzipped",
        kind: 3,
        startTimeUnixNano: "1",
        endTimeUnixNano: "2",
        attributes: { n: 7 },
        events: [],
        status: { code: 0 },
        resource: { "service.name": "gz" },
        scope: { name: "manual" },
      },
    ]);
  });

  it("answers 400 to garbage and keeps serving", async () => {
    const garbageJson = await fetch(`${receiver.url}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(garbageJson.status).toBe(400);
    const garbageProtobuf = await fetch(`${receiver.url}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/x-protobuf" },
      body: new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]),
    });
    expect(garbageProtobuf.status).toBe(400);
    expect(receiver.requests).toHaveLength(2);
    await exportSpans(new OTLPProtoTraceExporter({ url: `${receiver.url}/v1/traces` }));
    expect(await receiver.waitForSpans(2)).toHaveLength(2);
  });

  it("answers 404 to other paths and waitForSpans rejects on timeout with what arrived", async () => {
    const response = await fetch(`${receiver.url}/v1/logs`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
    await expect(receiver.waitForSpans(1, 50)).rejects.toThrow(/wanted 1 spans, got 0/);
  });
});
