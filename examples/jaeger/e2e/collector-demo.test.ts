// The demo app (examples/demo, exporter "otlp") into a real OpenTelemetry Collector: the Collector forwards
// traces to Jaeger over OTLP/gRPC and metrics over OTLP/HTTP to a capture receiver this test reads. The
// metrics must arrive with semconv names, units, temporality and buckets, and count exactly the spans.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type CapturedMetric, type OtlpCaptureReceiver, startOtlpCaptureReceiver } from "@sightline/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JaegerOtlpSpan, requireEnvironment, waitForV3Spans, withoutOpenAIKey } from "./query-jaeger.js";

const SERVICE = `collector-demo-${process.pid}`;
// Semconv v1.41's advised boundaries, written out here so the check does not lean on Sightline's own copy.
const DURATION_BOUNDARIES = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];
const TOKEN_BOUNDARIES = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];
let receiver: OtlpCaptureReceiver;
let spans: JaegerOtlpSpan[] = [];
let clientSpans: JaegerOtlpSpan[] = [];

/** The newest export of a metric: with cumulative temporality it holds every series' total. */
function latest(name: string): CapturedMetric {
  const exports = receiver
    .metrics()
    .filter((metric) => metric.name === name && metric.resource["service.name"] === SERVICE);
  const last = exports.at(-1);
  if (!last) throw new Error(`no ${name} metric arrived`);
  return last;
}

const countOf = (metric: CapturedMetric) =>
  metric.points.reduce((total, point) => total + (point.count ?? 0), 0);

beforeAll(async () => {
  receiver = await startOtlpCaptureReceiver({ port: Number(requireEnvironment("METRICS_CAPTURE_PORT")) });
  // Asynchronous, so this process's receiver keeps answering the Collector while the demo runs.
  await promisify(execFile)(
    process.execPath,
    [new URL("../../demo/dist/main.js", import.meta.url).pathname],
    {
      env: {
        ...withoutOpenAIKey(),
        OTEL_SERVICE_NAME: SERVICE,
        OTEL_EXPORTER_OTLP_ENDPOINT: requireEnvironment("COLLECTOR_OTLP_URL"),
      },
    },
  );
  await receiver.waitForMetrics("gen_ai.client.operation.duration", 20_000);
  // The demo's last export carries every call; wait until the duration count stops growing.
  let previous = -1;
  while (countOf(latest("gen_ai.client.operation.duration")) !== previous) {
    previous = countOf(latest("gen_ai.client.operation.duration"));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  spans = await waitForV3Spans(SERVICE, previous);
  clientSpans = spans.filter((span) => "gen_ai.operation.name" in span.attributes);
}, 90_000);

afterAll(async () => {
  await receiver?.close();
});

describe("the demo through a real Collector", () => {
  it("forwards the traces to Jaeger: client spans under the demo's scene spans", () => {
    expect(clientSpans.length).toBeGreaterThan(10);
    const ids = new Set(spans.map((span) => span.spanId));
    for (const span of clientSpans) {
      expect([3, "SPAN_KIND_CLIENT"]).toContain(span.kind);
      expect(ids.has(span.parentSpanId ?? "")).toBe(true);
    }
  });

  it("forwards gen_ai.client.operation.duration: seconds, a cumulative histogram, semconv buckets, one count per span", () => {
    const duration = latest("gen_ai.client.operation.duration");
    expect(duration).toMatchObject({ kind: "histogram", unit: "s", temporality: "cumulative" });
    for (const point of duration.points) expect(point.explicitBounds).toEqual(DURATION_BOUNDARIES);
    expect(countOf(duration)).toBe(clientSpans.length);
  });

  it("forwards gen_ai.client.token.usage: {token}, semconv buckets, an input and an output point per call with usage", () => {
    const usage = latest("gen_ai.client.token.usage");
    expect(usage).toMatchObject({ kind: "histogram", unit: "{token}", temporality: "cumulative" });
    for (const point of usage.points) expect(point.explicitBounds).toEqual(TOKEN_BOUNDARIES);
    const countFor = (type: string) =>
      usage.points
        .filter((point) => point.attributes["gen_ai.token.type"] === type)
        .reduce((total, point) => total + (point.count ?? 0), 0);
    const withInput = clientSpans.filter((span) => "gen_ai.usage.input_tokens" in span.attributes);
    const withOutput = clientSpans.filter((span) => "gen_ai.usage.output_tokens" in span.attributes);
    expect(countFor("input")).toBe(withInput.length);
    expect(countFor("output")).toBe(withOutput.length);
  });

  it("keeps error.type on the failed call's duration point, as on its span", () => {
    const failedSpans = clientSpans.filter((span) => "error.type" in span.attributes);
    const failedPoints = latest("gen_ai.client.operation.duration").points.filter(
      (point) => point.attributes["error.type"] !== undefined,
    );
    expect(failedSpans.length).toBeGreaterThan(0);
    expect(failedPoints.reduce((total, point) => total + (point.count ?? 0), 0)).toBe(failedSpans.length);
  });

  it("carries the demo's model change to Jaeger as a sightline.model_change span event", () => {
    const changed = clientSpans.filter((span) =>
      span.events.some((event) => event.name === "sightline.model_change"),
    );
    expect(changed.length).toBeGreaterThan(0);
  });
});
