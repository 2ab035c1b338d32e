import type { Attributes } from "@opentelemetry/api";
import type { IMetricReader, ViewOptions } from "@opentelemetry/sdk-metrics";
import type { SpanProcessor } from "@opentelemetry/sdk-trace";
import type { PriceRefresh, PricesOptions } from "@sightline/core";
import type { InstrumentationLike } from "./register-instrumentations.js";

/** Where telemetry goes: a backend preset, any OTLP/HTTP endpoint, the console, or nowhere. */
export type ExporterPreset = "otlp" | "jaeger" | "honeycomb" | "console" | "none";

/** How metrics leave the process: OTLP/HTTP next to the traces, printed on the console, or not at all. */
export type MetricsMode = "otlp" | "console" | "none";

/** OTLP/HTTP body encoding. gRPC is not supported by `@sightline/node`. */
export type OtlpProtocol = "http/protobuf" | "http/json";

/** Honeycomb settings of the `honeycomb` preset. */
export interface HoneycombOptions {
  /** Ingest API key, sent as `x-honeycomb-team`. Required when sending to Honeycomb directly. Env: `HONEYCOMB_API_KEY`. */
  apiKey?: string;
  /** API host. Default `https://api.honeycomb.io` (EU: `https://api.eu1.honeycomb.io`). Env: `HONEYCOMB_API_ENDPOINT`. */
  endpoint?: string;
  /**
   * Traces dataset, sent as `x-honeycomb-dataset` on traces. Only Honeycomb Classic needs it; environments
   * name the dataset after `service.name`. Default: not sent. Env: `HONEYCOMB_DATASET`.
   */
  dataset?: string;
  /** Metrics dataset, sent as `x-honeycomb-dataset` on metrics. Default `<serviceName>-metrics`. Env: `HONEYCOMB_METRICS_DATASET`. */
  metricsDataset?: string;
}

/** Options of {@link init} and {@link createSightlineExport}. */
export interface InitOptions {
  /** `service.name` of every span and metric. Default: `unknown_service:node`. Env: `OTEL_SERVICE_NAME`. */
  serviceName?: string;
  /** Where to send telemetry. Default `"otlp"`. Env: `SIGHTLINE_EXPORTER`. */
  exporter?: ExporterPreset;
  /**
   * OTLP/HTTP base URL; `/v1/traces` and `/v1/metrics` are appended (a base path is kept). Default: the
   * preset's (`http://localhost:4318` for `otlp` and `jaeger`, Honeycomb's API host for `honeycomb`).
   * Env: `OTEL_EXPORTER_OTLP_ENDPOINT`; `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` / `..._METRICS_ENDPOINT` are full URLs used as is.
   */
  endpoint?: string;
  /**
   * Extra headers on every export request, merged over the preset's and the environment's. Default: none.
   * Env: `OTEL_EXPORTER_OTLP_HEADERS` (`k1=v1,k2=v2`), and `..._TRACES_HEADERS` / `..._METRICS_HEADERS` per signal.
   */
  headers?: Record<string, string>;
  /** Body encoding. Default `"http/protobuf"`. Env: `OTEL_EXPORTER_OTLP_PROTOCOL` (and `..._TRACES_PROTOCOL` / `..._METRICS_PROTOCOL`). */
  protocol?: OtlpProtocol;
  /**
   * Where metrics go. Default `"otlp"`, except `"none"` for `jaeger` (Jaeger stores traces only) and `none`,
   * and `"console"` for `console`. Env: `SIGHTLINE_METRICS`, or `OTEL_METRICS_EXPORTER=none|console`.
   */
  metrics?: MetricsMode;
  /** How often metrics are exported, in milliseconds. Default `60000`. Env: `OTEL_METRIC_EXPORT_INTERVAL`. */
  metricExportIntervalMs?: number;
  /** Settings of the `honeycomb` preset. */
  honeycomb?: HoneycombOptions;
  /** Extra resource attributes. Default: none. Env: `OTEL_RESOURCE_ATTRIBUTES` (read by the OTel SDK). */
  resourceAttributes?: Attributes;
  /** OpenTelemetry instrumentations to enable, e.g. `new HttpInstrumentation()`. Default: none. */
  instrumentations?: (InstrumentationLike | InstrumentationLike[])[];
  /** Span processors to run before Sightline's exporting one. Default: none. */
  spanProcessors?: SpanProcessor[];
  /**
   * Longest wait, in milliseconds, for `flush()`, `shutdown()` and so the exit hooks, whatever the backend
   * does; also the time each export request (with its retries) gets, unless `OTEL_EXPORTER_OTLP_TIMEOUT`
   * is set. What is not sent by then is dropped and counted. Default `2000`. Env: `SIGHTLINE_SHUTDOWN_TIMEOUT_MS`.
   */
  shutdownTimeoutMs?: number;
  /** Flush and shut down on `SIGTERM`, `SIGINT` and `beforeExit`. Default `true`. Env: `SIGHTLINE_FLUSH_ON_EXIT=false`. */
  flushOnExit?: boolean;
  /**
   * Where one-time notes (e.g. "Jaeger takes traces only") and export failures go: the first failure per
   * signal, its recovery, and the total not delivered at shutdown. Default: `console.warn` with a
   * `[sightline] ` prefix.
   */
  log?: (message: string) => void;
  /**
   * Refresh the process-wide price registry (the one every wrapper and the span processor price with) from a URL
   * at run time: a `sightline.prices/v1` file or LiteLLM's price map, loaded now in the background and every
   * `intervalMs`; a bad or unreachable file keeps the prices in place and is said once through `log`. `false`
   * ignores the variables. Default: off. Env: `SIGHTLINE_PRICES_URL`, `SIGHTLINE_PRICES_REFRESH_INTERVAL`.
   */
  prices?: false | PricesOptions;
  /** Environment to read the variables above from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
}

/** What {@link createSightlineExport} builds: the pieces to add to an OpenTelemetry SDK you set up yourself. */
export interface SightlineExport {
  /** One batch processor exporting spans (none for the `none` preset). */
  spanProcessors: SpanProcessor[];
  /** One periodic reader exporting metrics (none when metrics are `none`). */
  metricReaders: IMetricReader[];
  /** Views giving the GenAI histograms their semconv bucket boundaries. */
  views: ViewOptions[];
  /** Where each signal goes, e.g. `traces → http://localhost:4318/v1/traces (http/protobuf)`. */
  description: string[];
}

/** The running telemetry returned by {@link init}. */
export interface SightlineTelemetry {
  /** `false` when another tracer provider was already registered and `init` left it alone. */
  started: boolean;
  /** The preset in use. */
  exporter: ExporterPreset;
  /** Where each signal goes, one line per signal. */
  description: string[];
  /** The run-time price refresh, when `prices.url` or `SIGHTLINE_PRICES_URL` is set; `shutdown()` stops it. */
  prices?: PriceRefresh;
  /**
   * Exports everything buffered now (spans and metrics); for serverless handlers before they return.
   * Returns within `shutdownTimeoutMs`. Never throws.
   */
  flush(): Promise<void>;
  /** Flushes and stops exporting, within `shutdownTimeoutMs`; later calls do nothing. Never throws. */
  shutdown(): Promise<void>;
}
