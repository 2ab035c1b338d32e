import { OTLPMetricExporter as OTLPJsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as OTLPProtobufMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as OTLPJsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtobufTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import {
  ConsoleMetricExporter,
  type IMetricReader,
  type PushMetricExporter,
} from "@opentelemetry/sdk-metrics";
import { ConsoleSpanExporter, SimpleSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace";
import type { SightlineMetricProducer } from "@sightline/core";
import { createBatchSpanProcessor } from "./create-batch-span-processor.js";
import { createExportAgent } from "./create-export-agent.js";
import { createExportReporter } from "./create-export-reporter.js";
import { createPeriodicMetricReader } from "./create-periodic-metric-reader.js";
import { createReportingMetricExporter, createReportingSpanExporter } from "./create-reporting-exporter.js";
import { createReportingSpanProcessor } from "./create-reporting-span-processor.js";
import { createSightlineViews } from "./create-sightline-views.js";
import type { ExportReporter, ExportSettings, SignalDestination } from "./internal-types.js";
import { readsCumulative, toSdkMetricProducer } from "./read-metric-producer.js";
import { listHeaderSecrets } from "./redact-secrets.js";
import { resolveExportSettings } from "./resolve-export-settings.js";
import type { InitOptions, SightlineExport } from "./types.js";

/** The export pieces, and the reporters `init` asks for the final count when its shutdown times out. */
export interface BuiltExport extends SightlineExport {
  reporters: ExportReporter[];
  /**
   * Set when every metric reader reads `metricProducer` (given, and cumulative temporality): then `init`
   * attaches it to its meter provider and Sightline's metrics skip the SDK's per-record aggregation.
   */
  attachableMetricProducer?: SightlineMetricProducer;
}

/**
 * Builds Sightline's exporting span processor, metric reader and views without registering anything,
 * for apps that set up OpenTelemetry themselves (their own NodeSDK, Sentry, …). Export failures are said
 * through `options.log` as with {@link init}: the first one, and the total at shutdown. Throws a
 * `SightlineError` for bad options, like {@link init}.
 * @example
 * const sightline = createSightlineExport({ exporter: "honeycomb" });
 * new NodeSDK({ spanProcessors: [...mine, ...sightline.spanProcessors], metricReaders: sightline.metricReaders, views: sightline.views }).start();
 */
export function createSightlineExport(options: InitOptions = {}): SightlineExport {
  const { spanProcessors, metricReaders, views, description } = buildExport(resolveExportSettings(options));
  return { spanProcessors, metricReaders, views, description };
}

/** Builds the export pieces from resolved settings. */
export function buildExport(settings: ExportSettings, metricProducer?: SightlineMetricProducer): BuiltExport {
  const reporters: ExportReporter[] = [];
  const reporterFor = (destination: SignalDestination & { kind: "otlp" }, unit: [string, string]) => {
    const reporter = createExportReporter({
      unit,
      endpoint: destination.displayUrl,
      secrets: listHeaderSecrets(destination.headers),
      timeoutMs: settings.shutdownTimeoutMs,
      log: settings.log,
    });
    reporters.push(reporter);
    return reporter;
  };
  const readers = createMetricReaders({ settings, reporterFor, metricProducer });
  return {
    spanProcessors: createSpanProcessors({ settings, reporterFor }),
    metricReaders: readers.metricReaders,
    views: createSightlineViews(),
    description: [describe("traces", settings.traces), describe("metrics", settings.metrics)],
    reporters,
    ...(readers.producerRead && metricProducer ? { attachableMetricProducer: metricProducer } : {}),
  };
}

type ReporterFor = (
  destination: SignalDestination & { kind: "otlp" },
  unit: [string, string],
) => ExportReporter;

function createSpanProcessors(options: {
  settings: ExportSettings;
  reporterFor: ReporterFor;
}): SpanProcessor[] {
  const { settings } = options;
  const destination = settings.traces;
  if (destination.kind === "none") return [];
  if (destination.kind === "console")
    return [new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() })];
  // Each request, retries included, ends within the shutdown bound unless OTEL_EXPORTER_OTLP_TIMEOUT
  // says otherwise, so no socket or retry timer outlives a shutdown and keeps the process alive.
  const config = {
    url: destination.url,
    headers: destination.headers,
    timeoutMillis: settings.exportTimeoutMs,
    httpAgentOptions: createExportAgent,
  };
  const reporter = options.reporterFor(destination, ["span", "spans"]);
  const exporter = createReportingSpanExporter({
    exporter:
      destination.protocol === "http/json"
        ? new OTLPJsonTraceExporter(config)
        : new OTLPProtobufTraceExporter(config),
    reporter,
  });
  const processor = createBatchSpanProcessor({ exporter, exportTimeoutMillis: settings.exportTimeoutMs });
  return [createReportingSpanProcessor({ processor, reporter })];
}

/** The metric readers, and whether they all read the given producer. */
function createMetricReaders(options: {
  settings: ExportSettings;
  reporterFor: ReporterFor;
  metricProducer: SightlineMetricProducer | undefined;
}): { metricReaders: IMetricReader[]; producerRead: boolean } {
  const { settings } = options;
  const destination = settings.metrics;
  if (destination.kind === "none") return { metricReaders: [], producerRead: false };
  const intervalMs = settings.metricExportIntervalMs;
  // An export never outlasts the interval, so runs do not pile up.
  const exportTimeoutMillis = Math.min(intervalMs, settings.exportTimeoutMs);
  // Sightline's own aggregation is cumulative: an exporter asking for delta gets the SDK's instead.
  const producersFor = (exporter: PushMetricExporter) =>
    options.metricProducer && readsCumulative(exporter) ? [toSdkMetricProducer(options.metricProducer)] : [];
  if (destination.kind === "console") {
    const exporter = new ConsoleMetricExporter();
    const metricProducers = producersFor(exporter);
    const reader = createPeriodicMetricReader({
      exporter,
      exportIntervalMillis: intervalMs,
      exportTimeoutMillis,
      metricProducers,
    });
    return { metricReaders: [reader], producerRead: metricProducers.length > 0 };
  }
  const config = {
    url: destination.url,
    headers: destination.headers,
    timeoutMillis: exportTimeoutMillis,
    httpAgentOptions: createExportAgent,
  };
  const reporter = options.reporterFor(destination, ["metric data point", "metric data points"]);
  const exporter = createReportingMetricExporter({
    exporter:
      destination.protocol === "http/json"
        ? new OTLPJsonMetricExporter(config)
        : new OTLPProtobufMetricExporter(config),
    reporter,
  });
  const metricProducers = producersFor(exporter);
  const reader = createPeriodicMetricReader({
    exporter,
    exportIntervalMillis: intervalMs,
    exportTimeoutMillis,
    reporter,
    metricProducers,
  });
  return { metricReaders: [reader], producerRead: metricProducers.length > 0 };
}

function describe(signal: string, destination: SignalDestination): string {
  if (destination.kind === "none") return `${signal} → not exported`;
  if (destination.kind === "console") return `${signal} → console`;
  return `${signal} → ${destination.displayUrl} (${destination.protocol})`;
}
