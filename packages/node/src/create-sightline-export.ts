import { OTLPMetricExporter as OTLPJsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as OTLPProtobufMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as OTLPJsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtobufTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import {
  ConsoleMetricExporter,
  type IMetricReader,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
} from "@opentelemetry/sdk-metrics";
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace";
import { createSightlineViews } from "./create-sightline-views.js";
import type { ExportSettings, SignalDestination } from "./internal-types.js";
import { resolveExportSettings } from "./resolve-export-settings.js";
import type { InitOptions, SightlineExport } from "./types.js";

/**
 * Builds Sightline's exporting span processor, metric reader and views without registering anything,
 * for apps that set up OpenTelemetry themselves (their own NodeSDK, Sentry, …). Throws a
 * `SightlineError` for bad options, like {@link init}.
 * @example
 * const sightline = createSightlineExport({ exporter: "honeycomb" });
 * new NodeSDK({ spanProcessors: [...mine, ...sightline.spanProcessors], metricReaders: sightline.metricReaders, views: sightline.views }).start();
 */
export function createSightlineExport(options: InitOptions = {}): SightlineExport {
  return buildExport(resolveExportSettings(options));
}

/** Builds the export pieces from resolved settings. */
export function buildExport(settings: ExportSettings): SightlineExport {
  return {
    spanProcessors: createSpanProcessors(settings.traces),
    metricReaders: createMetricReaders({
      destination: settings.metrics,
      intervalMs: settings.metricExportIntervalMs,
    }),
    views: createSightlineViews(),
    description: [describe("traces", settings.traces), describe("metrics", settings.metrics)],
  };
}

function createSpanProcessors(destination: SignalDestination): SpanProcessor[] {
  if (destination.kind === "none") return [];
  if (destination.kind === "console")
    return [new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() })];
  const config = { url: destination.url, headers: destination.headers };
  const exporter =
    destination.protocol === "http/json"
      ? new OTLPJsonTraceExporter(config)
      : new OTLPProtobufTraceExporter(config);
  return [new BatchSpanProcessor({ exporter })];
}

function createMetricReaders(options: {
  destination: SignalDestination;
  intervalMs: number;
}): IMetricReader[] {
  const { destination } = options;
  if (destination.kind === "none") return [];
  let exporter: PushMetricExporter;
  if (destination.kind === "console") {
    exporter = new ConsoleMetricExporter();
  } else {
    const config = { url: destination.url, headers: destination.headers };
    exporter =
      destination.protocol === "http/json"
        ? new OTLPJsonMetricExporter(config)
        : new OTLPProtobufMetricExporter(config);
  }
  return [
    new PeriodicExportingMetricReader({
      exporter,
      exportIntervalMillis: options.intervalMs,
      // The timeout must not exceed the interval, or the reader refuses short intervals.
      exportTimeoutMillis: Math.min(options.intervalMs, 30_000),
    }),
  ];
}

function describe(signal: string, destination: SignalDestination): string {
  if (destination.kind === "none") return `${signal} → not exported`;
  if (destination.kind === "console") return `${signal} → console`;
  return `${signal} → ${destination.displayUrl} (${destination.protocol})`;
}
