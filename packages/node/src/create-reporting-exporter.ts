import type { PushMetricExporter, ResourceMetrics } from "@opentelemetry/sdk-metrics";
import type { SpanExporter } from "@opentelemetry/sdk-trace";
import type { ExportReporter } from "./internal-types.js";

type ExportResult = Parameters<Parameters<SpanExporter["export"]>[1]>[0];
// ExportResultCode.SUCCESS of @opentelemetry/core, which this package does not depend on directly.
const EXPORT_SUCCEEDED: ExportResult["code"] = 0;

/**
 * Wraps a span exporter so that `reporter` sees how many spans each export carried and how it ended.
 * The spans, the result and the callback pass through untouched.
 */
export function createReportingSpanExporter(options: {
  exporter: SpanExporter;
  reporter: ExportReporter;
}): SpanExporter {
  const { exporter, reporter } = options;
  return {
    export(spans, resultCallback) {
      observeExport({
        count: spans.length,
        reporter,
        send: (callback) => exporter.export(spans, callback),
        resultCallback,
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: async () => {
      await exporter.forceFlush?.();
    },
  };
}

/**
 * Wraps a metric exporter so that `reporter` sees how many data points each export carried and how it
 * ended. Aggregation choices are the wrapped exporter's own.
 */
export function createReportingMetricExporter(options: {
  exporter: PushMetricExporter;
  reporter: ExportReporter;
}): PushMetricExporter {
  const { exporter, reporter } = options;
  const reporting: PushMetricExporter = {
    export(metrics, resultCallback) {
      observeExport({
        count: countDataPoints(metrics),
        reporter,
        send: (callback) => exporter.export(metrics, callback),
        resultCallback,
      });
    },
    forceFlush: () => exporter.forceFlush(),
    shutdown: () => exporter.shutdown(),
  };
  // Only when the exporter has them: the reader falls back to its defaults otherwise, as it would unwrapped.
  if (exporter.selectAggregationTemporality !== undefined) {
    reporting.selectAggregationTemporality = exporter.selectAggregationTemporality.bind(exporter);
  }
  if (exporter.selectAggregation !== undefined) {
    reporting.selectAggregation = exporter.selectAggregation.bind(exporter);
  }
  return reporting;
}

function observeExport(options: {
  count: number;
  reporter: ExportReporter;
  send: (callback: (result: ExportResult) => void) => void;
  resultCallback: (result: ExportResult) => void;
}): void {
  const { count, reporter } = options;
  let finished = false;
  const finish = (failed: boolean, error: unknown) => {
    if (finished) return;
    finished = true;
    reporter.recordExportFinished({ count, failed, error });
  };
  reporter.recordExportStarted(count);
  try {
    options.send((result) => {
      finish(result.code !== EXPORT_SUCCEEDED, result.error);
      options.resultCallback(result);
    });
  } catch (error) {
    finish(true, error);
    throw error;
  }
}

function countDataPoints(metrics: ResourceMetrics): number {
  let count = 0;
  for (const scope of metrics.scopeMetrics) {
    for (const metric of scope.metrics) count += metric.dataPoints.length;
  }
  return count;
}
