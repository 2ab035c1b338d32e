import { MeterProvider, type MetricProducer, MetricReader } from "@opentelemetry/sdk-metrics";
import {
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
  TracerProvider,
} from "@opentelemetry/sdk-trace";

/** Exports nothing, but only after the SDK has built each span, so the SDK's cost counts too. */
export class DiscardingExporter implements SpanExporter {
  export(_spans: ReadableSpan[], done: (result: { code: number }) => void): void {
    done({ code: 0 });
  }
  async shutdown(): Promise<void> {}
}

/** A reader nobody collects from: metrics are recorded (and aggregated) as in an app, never exported. */
class PullReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** The SDK providers a bench records into, as an app's would be set up, minus any export. */
export interface BenchProviders {
  tracerProvider: TracerProvider;
  meterProvider: MeterProvider;
  spanExporter: DiscardingExporter;
}

/**
 * A tracer provider with a simple processor over an exporter that discards, and a meter provider with a reader
 * that is never collected (given `metricProducers`, it also hands them to the reader, as `init()` does for
 * Sightline's own aggregation). Benches measure the SDK's work on every span and record this way.
 */
export function createBenchProviders(options: { metricProducers?: MetricProducer[] } = {}): BenchProviders {
  const spanExporter = new DiscardingExporter();
  const tracerProvider = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter: spanExporter })],
  });
  const reader = new PullReader(
    options.metricProducers ? { metricProducers: options.metricProducers } : undefined,
  );
  const meterProvider = new MeterProvider({ readers: [reader] });
  return { tracerProvider, meterProvider, spanExporter };
}
