import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  AggregationTemporality,
  type DataPoint,
  type Histogram,
  MeterProvider,
  type MetricData,
  MetricReader,
  type ViewOptions,
} from "@opentelemetry/sdk-metrics";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";

/** One recorded data point of a metric, flattened for assertions. */
export interface TestMetricPoint {
  /** The point's attributes. */
  attributes: Record<string, unknown>;
  /** Counter or gauge value; undefined for histograms. */
  value?: number;
  /** Histogram sample count. */
  count?: number;
  /** Histogram sum. */
  sum?: number;
  /** Histogram bucket boundaries as recorded. */
  boundaries?: number[];
  /** Histogram bucket counts. */
  bucketCounts?: number[];
}

/** In-memory tracer and meter providers for tests, with helpers to read what was recorded. */
export interface TestTelemetry {
  /** Pass as `tracerProvider` to the code under test. */
  tracerProvider: TracerProvider;
  /** Pass as `meterProvider` to the code under test. */
  meterProvider: MeterProvider;
  /** Every span finished so far, in end order. */
  spans(): ReadableSpan[];
  /** Collects metrics now and returns every metric recorded so far (cumulative). */
  collectMetrics(): Promise<MetricData[]>;
  /** Collects metrics now and returns the points of the named metric (empty when absent). */
  metricPoints(name: string): Promise<TestMetricPoint[]>;
  /** Forgets finished spans (metrics are cumulative and not reset). */
  resetSpans(): void;
  /** Shuts both providers down. */
  shutdown(): Promise<void>;
}

/** Options of {@link createTestTelemetry}. */
export interface TestTelemetryOptions {
  /** Metric views, e.g. to check bucket boundaries set by views. Default: none. */
  views?: ViewOptions[];
}

/** A pull reader: metrics are read only when a test asks for them. */
class OnDemandMetricReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

let contextManagerInstalled = false;

/**
 * Creates in-memory tracer and meter providers. Also installs an AsyncLocalStorage context
 * manager once per process, as every Node OTel setup does, so context propagation is real.
 * @example
 * const telemetry = createTestTelemetry();
 * const client = observeOpenAI(new OpenAI(...), { tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider });
 */
export function createTestTelemetry(options: TestTelemetryOptions = {}): TestTelemetry {
  if (!contextManagerInstalled) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    contextManagerInstalled = true;
  }
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const reader = new OnDemandMetricReader();
  const meterProvider = new MeterProvider({ readers: [reader], views: options.views ?? [] });

  const collectMetrics = async (): Promise<MetricData[]> => {
    const { resourceMetrics } = await reader.collect();
    return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
  };

  return {
    tracerProvider,
    meterProvider,
    spans: () => exporter.getFinishedSpans(),
    collectMetrics,
    async metricPoints(name) {
      const metrics = await collectMetrics();
      return metrics
        .filter((metric) => metric.descriptor.name === name)
        .flatMap((metric) =>
          metric.dataPoints.map((point) => toTestMetricPoint(point as DataPoint<unknown>)),
        );
    },
    resetSpans: () => exporter.reset(),
    async shutdown() {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
  };
}

function toTestMetricPoint(point: DataPoint<unknown>): TestMetricPoint {
  const attributes = { ...point.attributes } as Record<string, unknown>;
  if (typeof point.value === "number") return { attributes, value: point.value };
  const histogram = point.value as Histogram;
  return {
    attributes,
    count: histogram.count,
    sum: histogram.sum,
    boundaries: histogram.buckets.boundaries,
    bucketCounts: histogram.buckets.counts,
  };
}
