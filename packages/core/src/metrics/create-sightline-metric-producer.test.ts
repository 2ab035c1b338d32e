import { MeterProvider, MetricReader, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { afterEach, describe, expect, it } from "vitest";
import { followStream } from "../follow/follow-stream.js";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import type { Operation } from "../operation/operation.js";
import { ChunkFlags } from "../operation/operation-shapes.js";
import {
  createSightlineMetricProducer,
  type SightlineMetricProducer,
} from "./create-sightline-metric-producer.js";
import { FixedHistogram } from "./fixed-histogram.js";

class PullReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

const providers: MeterProvider[] = [];
afterEach(async () => {
  await Promise.all(providers.splice(0).map((provider) => provider.shutdown()));
});

function createSetup(producer?: SightlineMetricProducer): {
  reader: PullReader;
  meterProvider: MeterProvider;
} {
  const reader = new PullReader(producer ? { metricProducers: [producer as never] } : undefined);
  const meterProvider = new MeterProvider({ readers: [reader] });
  providers.push(meterProvider);
  producer?.attachTo(meterProvider);
  return { reader, meterProvider };
}

/** The same calls every test makes: plain calls, a failed one, a stream of 6 output chunks, an unpriced model. */
async function runCalls(meterProvider: MeterProvider): Promise<void> {
  const instrumentation = createInstrumentation({
    scopeName: "@sightline/test",
    scopeVersion: "1.2.3",
    options: { meterProvider, drift: false },
  });
  const target = { provider: "openai", serverAddress: "api.openai.com", serverPort: 443 };
  for (const [index, model] of ["gpt-4o-mini", "gpt-4o-mini", "not-a-priced-model"].entries()) {
    instrumentation.traceOperation({
      request: { operation: "chat", model },
      target,
      invoke: () => undefined,
      observe: (_result, operation) =>
        operation.succeed({ model: `${model}-2024`, usage: { inputTokens: 100 + index, outputTokens: 7 } }),
    });
  }
  instrumentation.traceOperation({
    request: { operation: "chat", model: "gpt-4o-mini" },
    target,
    invoke: () => undefined,
    observe: (_result, operation) => operation.fail(Object.assign(new Error("x"), { status: 429 })),
  });
  let operation: Operation | undefined;
  instrumentation.traceOperation({
    request: { operation: "chat", model: "gpt-4o-mini", stream: true },
    target,
    invoke: () => undefined,
    observe: (_result, started) => {
      operation = started;
    },
  });
  const iterate = followStream({
    operation: operation as Operation,
    iterate: async function* () {
      for (let chunk = 0; chunk < 6; chunk++) yield chunk;
    },
    accumulator: {
      add: () => ChunkFlags.Output,
      finish: () => ({ model: "gpt-4o-mini-2024", usage: { inputTokens: 5, outputTokens: 6 } }),
    },
    abandonedAfterMs: 60_000,
  });
  const iterator = iterate();
  while (!(await iterator.next()).done) {}
}

/** What must match between the SDK's aggregation and Sightline's: all but timestamps and timed values. */
function describeMetrics(resourceMetrics: ResourceMetrics) {
  return resourceMetrics.scopeMetrics
    .flatMap(({ scope, metrics }) =>
      metrics.map((metric) => ({
        scope: { name: scope.name, version: scope.version, schemaUrl: scope.schemaUrl },
        name: metric.descriptor.name,
        unit: metric.descriptor.unit,
        description: metric.descriptor.description,
        valueType: metric.descriptor.valueType,
        temporality: metric.aggregationTemporality,
        dataPointType: metric.dataPointType,
        points: (metric.dataPoints as { attributes: object; value: unknown }[])
          .map((point) => {
            const value = point.value as
              | number
              | { count: number; sum: number; buckets: { boundaries: number[] } };
            const timed = metric.descriptor.unit === "s";
            return {
              attributes: JSON.stringify(Object.entries(point.attributes).sort()),
              value:
                typeof value === "number" || !timed
                  ? value
                  : { count: value.count, boundaries: value.buckets.boundaries },
            };
          })
          .sort((left, right) => left.attributes.localeCompare(right.attributes)),
      })),
    )
    .filter((metric) => metric.points.length > 0)
    .sort((left, right) =>
      `${left.scope.name} ${left.name}`.localeCompare(`${right.scope.name} ${right.name}`),
    );
}

describe("createSightlineMetricProducer", () => {
  it("exports the same metrics, attribute sets, buckets and token values as the SDK's own aggregation", async () => {
    const sdk = createSetup();
    await runCalls(sdk.meterProvider);
    const producer = createSightlineMetricProducer();
    const own = createSetup(producer);
    await runCalls(own.meterProvider);

    const expected = describeMetrics((await sdk.reader.collect()).resourceMetrics);
    const actual = describeMetrics((await own.reader.collect()).resourceMetrics);
    expect(expected.map((metric) => metric.name)).toContain("gen_ai.client.operation.time_per_output_chunk");
    expect(expected.map((metric) => metric.name)).toContain("sightline.gen_ai.cost");
    expect(actual).toEqual(expected);
  });

  it("aggregates nothing through the API instruments once attached, and again after detach", async () => {
    const producer = createSightlineMetricProducer();
    const { reader, meterProvider } = createSetup(producer);
    await runCalls(meterProvider);
    const first = await producer.collect();
    const chunkTimes = first.resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .find((metric) => metric.descriptor.name === "gen_ai.client.operation.time_per_output_chunk");
    expect(chunkTimes?.dataPoints[0]?.value).toMatchObject({ count: 5 });
    // The reader's result holds each metric once: from the producer, none from the SDK's instruments.
    const names = (await reader.collect()).resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .filter((metric) => metric.dataPoints.length > 0)
      .map((metric) => metric.descriptor.name);
    expect(names.filter((name) => name === "gen_ai.client.operation.duration")).toHaveLength(1);
    producer.detach();
    await runCalls(meterProvider);
    const after = (await producer.collect()).resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .find((metric) => metric.descriptor.name === "gen_ai.client.operation.duration");
    expect(
      after?.dataPoints.reduce((total, point) => total + (point.value as { count: number }).count, 0),
    ).toBe(5);
  });

  it("keeps at most cardinalityLimit attribute sets per metric, the rest in the SDK's overflow set", async () => {
    const producer = createSightlineMetricProducer({ cardinalityLimit: 3 });
    const { meterProvider } = createSetup(producer);
    const instrumentation = createInstrumentation({
      scopeName: "@sightline/test",
      scopeVersion: "0",
      options: { meterProvider, cost: false, drift: false },
    });
    for (let index = 0; index < 10; index++) {
      instrumentation.traceOperation({
        request: { operation: "chat", model: `model-${index}` },
        target: { provider: "test" },
        invoke: () => undefined,
        observe: (_result, operation) => operation.succeed({}),
      });
    }
    const duration = (await producer.collect()).resourceMetrics.scopeMetrics[0]?.metrics[0];
    expect(duration?.dataPoints).toHaveLength(3);
    expect(duration?.dataPoints[2]).toMatchObject({
      attributes: { "otel.metric.overflow": true },
      value: { count: 8 },
    });
  });
});

describe("FixedHistogram", () => {
  it("puts a value on a boundary in that boundary's bucket, as the SDK does, and merges", () => {
    const histogram = new FixedHistogram([1, 2]);
    for (const value of [0, 1, 1.5, 2, 3, Number.NaN]) histogram.record(value);
    expect(histogram).toMatchObject({ count: 5, sum: 7.5, min: 0, max: 3, counts: [2, 2, 1] });
    const other = new FixedHistogram([1, 2]);
    other.record(-1);
    histogram.merge(other);
    expect(histogram).toMatchObject({ count: 6, min: -1, counts: [3, 2, 1] });
  });
});
