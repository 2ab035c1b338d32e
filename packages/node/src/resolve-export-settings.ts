import { SightlineError } from "@sightline/core";
import type { ExportSettings, SignalDestination } from "./internal-types.js";
import { parseOtlpEndpoint } from "./parse-otlp-endpoint.js";
import { parseOtlpHeaders } from "./parse-otlp-headers.js";
import type { ExporterPreset, InitOptions, MetricsMode, OtlpProtocol } from "./types.js";

const PRESETS: readonly ExporterPreset[] = ["otlp", "jaeger", "honeycomb", "console", "none"];
const METRICS_MODES: readonly MetricsMode[] = ["otlp", "console", "none"];
const PROTOCOLS: readonly OtlpProtocol[] = ["http/protobuf", "http/json"];
const LOCAL_OTLP_ENDPOINT = "http://localhost:4318";
const HONEYCOMB_ENDPOINT = "https://api.honeycomb.io";
const DEFAULT_METRIC_EXPORT_INTERVAL_MS = 60_000;
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 2_000;
// Node clamps longer timers to 1 ms (with a warning), which would turn a long timeout into none.
const LONGEST_TIMER_MS = 2_147_483_647;

type Signal = "traces" | "metrics";

/**
 * Resolves options, environment variables and the preset into where each signal goes. Precedence:
 * an option passed in code, then the standard `OTEL_EXPORTER_OTLP_*` variables, then the preset.
 * Throws one `SightlineError` naming the option and the fix for the first bad value.
 */
export function resolveExportSettings(options: InitOptions): ExportSettings {
  const env = options.env ?? process.env;
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const notes: string[] = [];

  const preset = pick({
    name: "exporter",
    value: options.exporter ?? read("SIGHTLINE_EXPORTER"),
    fromEnv: options.exporter === undefined ? "SIGHTLINE_EXPORTER" : undefined,
    allowed: PRESETS,
    fallback: "otlp",
  });
  const serviceName = options.serviceName ?? read("OTEL_SERVICE_NAME");

  const otelMetricsExporter = read("OTEL_METRICS_EXPORTER");
  const metricsFromEnv =
    read("SIGHTLINE_METRICS") ??
    (otelMetricsExporter === "none" || otelMetricsExporter === "console" ? otelMetricsExporter : undefined);
  const defaultMetrics: MetricsMode =
    preset === "console" ? "console" : preset === "jaeger" || preset === "none" ? "none" : "otlp";
  const metricsMode = pick({
    name: "metrics",
    value: options.metrics ?? metricsFromEnv,
    fromEnv: options.metrics === undefined ? "SIGHTLINE_METRICS" : undefined,
    allowed: METRICS_MODES,
    fallback: defaultMetrics,
  });
  if (preset === "jaeger" && metricsMode === "otlp") {
    throw new SightlineError({
      message:
        'metrics: "otlp" does not work with exporter "jaeger": Jaeger accepts traces only. Use metrics: "console" or "none", or exporter: "otlp" with an OpenTelemetry Collector that forwards traces to Jaeger and metrics elsewhere.',
    });
  }
  if (preset === "none" && metricsMode === "otlp") {
    throw new SightlineError({
      message:
        'metrics: "otlp" needs an OTLP exporter; with exporter "none" use metrics: "console" or "none".',
    });
  }
  if (preset === "jaeger" && options.metrics === undefined && metricsFromEnv === undefined) {
    notes.push(
      'Jaeger stores traces only, so metrics are not exported. Set metrics: "console" (or SIGHTLINE_METRICS=console) to print them, or use exporter "otlp" with a collector that sends metrics to a metrics backend.',
    );
  }

  const metricExportIntervalMs = readMilliseconds({
    name: "metricExportIntervalMs",
    value: options.metricExportIntervalMs,
    variable: "OTEL_METRIC_EXPORT_INTERVAL",
    text: read("OTEL_METRIC_EXPORT_INTERVAL"),
    fallback: DEFAULT_METRIC_EXPORT_INTERVAL_MS,
  });
  const shutdownTimeoutMs = readMilliseconds({
    name: "shutdownTimeoutMs",
    value: options.shutdownTimeoutMs,
    variable: "SIGHTLINE_SHUTDOWN_TIMEOUT_MS",
    text: read("SIGHTLINE_SHUTDOWN_TIMEOUT_MS"),
    fallback: DEFAULT_SHUTDOWN_TIMEOUT_MS,
  });
  // The standard variable wins for each export request; by default a request gets the shutdown bound,
  // so no request in flight can keep an exiting process alive past it.
  const exportTimeoutMs = readMilliseconds({
    name: "export timeout",
    value: undefined,
    variable: "OTEL_EXPORTER_OTLP_TIMEOUT",
    text: read("OTEL_EXPORTER_OTLP_TIMEOUT"),
    fallback: shutdownTimeoutMs,
  });

  const honeycomb = options.honeycomb ?? {};
  const honeycombKey = honeycomb.apiKey ?? read("HONEYCOMB_API_KEY");
  const presetBase =
    preset === "honeycomb"
      ? (honeycomb.endpoint ?? read("HONEYCOMB_API_ENDPOINT") ?? HONEYCOMB_ENDPOINT)
      : LOCAL_OTLP_ENDPOINT;

  const presetHeaders = (signal: Signal): Record<string, string> => {
    if (preset !== "honeycomb") return {};
    const headers: Record<string, string> = {};
    if (honeycombKey !== undefined) headers["x-honeycomb-team"] = honeycombKey;
    const dataset =
      signal === "traces"
        ? (honeycomb.dataset ?? read("HONEYCOMB_DATASET"))
        : (honeycomb.metricsDataset ??
          read("HONEYCOMB_METRICS_DATASET") ??
          `${serviceName ?? "unknown_service"}-metrics`);
    // Environments name the traces dataset after service.name; only Classic (and metrics) need the header.
    if (dataset !== undefined) headers["x-honeycomb-dataset"] = dataset;
    return headers;
  };

  const resolveOtlp = (signal: Signal): SignalDestination => {
    const upper = signal.toUpperCase();
    const signalEndpoint = read(`OTEL_EXPORTER_OTLP_${upper}_ENDPOINT`);
    const baseEndpoint = read("OTEL_EXPORTER_OTLP_ENDPOINT");
    const chosen: { value: string; source: string; signal?: Signal } =
      options.endpoint !== undefined
        ? { value: options.endpoint, source: "endpoint", signal }
        : signalEndpoint !== undefined
          ? { value: signalEndpoint, source: `OTEL_EXPORTER_OTLP_${upper}_ENDPOINT` }
          : baseEndpoint !== undefined
            ? { value: baseEndpoint, source: "OTEL_EXPORTER_OTLP_ENDPOINT", signal }
            : {
                value: presetBase,
                source:
                  preset === "honeycomb" ? "honeycomb.endpoint (or HONEYCOMB_API_ENDPOINT)" : "endpoint",
                signal,
              };
    const endpoint = parseOtlpEndpoint(chosen);
    const { url } = endpoint;
    const headers = { ...presetHeaders(signal) };
    // Explicit headers below win over credentials written in the URL.
    if (endpoint.authorization !== undefined) headers.authorization = endpoint.authorization;
    for (const name of ["OTEL_EXPORTER_OTLP_HEADERS", `OTEL_EXPORTER_OTLP_${upper}_HEADERS`]) {
      const value = read(name);
      if (value !== undefined) Object.assign(headers, parseOtlpHeaders({ value, source: name }));
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    const protocolFromEnv =
      read(`OTEL_EXPORTER_OTLP_${upper}_PROTOCOL`) ?? read("OTEL_EXPORTER_OTLP_PROTOCOL");
    const protocolValue = options.protocol ?? protocolFromEnv;
    if (protocolValue === "grpc") {
      throw new SightlineError({
        message: `protocol: "grpc" is not supported by @sightline/node${options.protocol === undefined ? " (from OTEL_EXPORTER_OTLP_PROTOCOL)" : ""}; use "http/protobuf" (port 4318) instead.`,
      });
    }
    const protocol = pick({
      name: "protocol",
      value: protocolValue,
      fromEnv: options.protocol === undefined ? "OTEL_EXPORTER_OTLP_PROTOCOL" : undefined,
      allowed: PROTOCOLS,
      fallback: "http/protobuf",
    });
    if (preset === "honeycomb" && headers["x-honeycomb-team"] === undefined && isHoneycombHost(url)) {
      throw new SightlineError({
        message:
          'exporter "honeycomb" needs an ingest API key: set HONEYCOMB_API_KEY or pass honeycomb: { apiKey }. Create one in Honeycomb under Environment settings → API keys.',
      });
    }
    const ignoredCredentials = `the user:password in ${chosen.source} is not used: an authorization header is set too, and it wins. Remove one of them.`;
    if (
      endpoint.authorization !== undefined &&
      headers.authorization !== endpoint.authorization &&
      !notes.includes(ignoredCredentials)
    ) {
      notes.push(ignoredCredentials);
    }
    return { kind: "otlp", url, displayUrl: endpoint.displayUrl, headers, protocol };
  };

  const destinationFor = (signal: Signal, mode: MetricsMode): SignalDestination =>
    mode === "otlp" ? resolveOtlp(signal) : { kind: mode };
  const tracesMode: MetricsMode = preset === "console" ? "console" : preset === "none" ? "none" : "otlp";
  const flushText = read("SIGHTLINE_FLUSH_ON_EXIT");

  return {
    preset,
    serviceName,
    traces: destinationFor("traces", tracesMode),
    metrics: destinationFor("metrics", metricsMode),
    metricExportIntervalMs,
    shutdownTimeoutMs,
    exportTimeoutMs,
    flushOnExit: options.flushOnExit ?? flushText !== "false",
    log: options.log ?? ((message: string) => console.warn(`[sightline] ${message}`)),
    notes,
  };
}

/** A duration option: the value passed in code, else its variable, else the default; positive and timer-sized. */
function readMilliseconds(options: {
  name: string;
  value: number | undefined;
  variable: string;
  text: string | undefined;
  fallback: number;
}): number {
  const milliseconds =
    options.value ?? (options.text === undefined ? options.fallback : Number(options.text));
  if (Number.isFinite(milliseconds) && milliseconds > 0 && milliseconds <= LONGEST_TIMER_MS)
    return milliseconds;
  const origin = options.value === undefined ? ` (from ${options.variable})` : "";
  throw new SightlineError({
    message: `${options.name}: ${String(options.value ?? options.text)}${origin} is not a positive number of milliseconds up to ${LONGEST_TIMER_MS}; use e.g. ${options.fallback}.`,
  });
}

function isHoneycombHost(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "honeycomb.io" || host.endsWith(".honeycomb.io");
}

function pick<T extends string>(options: {
  name: string;
  value: string | undefined;
  fromEnv: string | undefined;
  allowed: readonly T[];
  fallback: T;
}): T {
  if (options.value === undefined) return options.fallback;
  if ((options.allowed as readonly string[]).includes(options.value)) return options.value as T;
  const origin = options.fromEnv === undefined ? "" : ` (from ${options.fromEnv})`;
  throw new SightlineError({
    message: `${options.name}: "${options.value}"${origin} is not supported; use one of ${options.allowed.map((item) => `"${item}"`).join(", ")}.`,
  });
}
