import { JsonMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { MetricReader } from "@opentelemetry/sdk-metrics";
import type { ExportReporter } from "./create-export-reporter.js";

/**
 * A metric reader that collects and sends only when flushed: Workers allow no timers outside a request,
 * so the SDK's periodic reader would never fire (or fire after the isolate froze).
 */
class FlushMetricReader extends MetricReader {
  constructor(
    private readonly send: (body: Uint8Array) => Promise<boolean>,
    private readonly reporter: ExportReporter,
  ) {
    super();
  }

  protected async onForceFlush(): Promise<void> {
    try {
      const { resourceMetrics } = await this.collect();
      // Nothing recorded yet: skip the request instead of sending an empty export.
      if (resourceMetrics.scopeMetrics.every((scope) => scope.metrics.length === 0)) return;
      const body = JsonMetricsSerializer.serializeRequest(resourceMetrics);
      if (body) await this.send(body);
    } catch (error) {
      this.reporter.failed(
        "metrics",
        `collecting failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  protected async onShutdown(): Promise<void> {
    await this.onForceFlush();
  }
}

/** A metric reader exporting through `send` on each `forceFlush()`, never on a timer. */
export function createFlushMetricReader(
  send: (body: Uint8Array) => Promise<boolean>,
  reporter: ExportReporter,
): MetricReader {
  return new FlushMetricReader(send, reporter);
}
