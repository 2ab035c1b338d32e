import { parseKeyPairsIntoRecord } from "@opentelemetry/core";
import type { EdgeInitOptions } from "./types.js";

/** The settings `init()` runs with, after options and environment are merged. */
export interface EdgeSettings {
  serviceName: string;
  tracesUrl: string;
  metricsUrl: string;
  headers: Record<string, string>;
  metrics: boolean;
  flushTimeoutMs: number;
  maxQueuedSpans: number;
  maxExportBatchSize: number;
}

const DEFAULT_ENDPOINT = "http://localhost:4318";

/**
 * Merges options over the environment (options win). The environment is a plain record because edge
 * runtimes have none of their own: a Worker gets its `env` binding per request.
 */
export function resolveEdgeSettings(options: EdgeInitOptions): EdgeSettings {
  const env = (options.env ?? readProcessEnv()) as Record<string, unknown>;
  const read = (name: string) => {
    const value = env[name];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const endpoint = (options.endpoint ?? read("OTEL_EXPORTER_OTLP_ENDPOINT") ?? DEFAULT_ENDPOINT).replace(
    /\/+$/,
    "",
  );
  const envHeaders = read("OTEL_EXPORTER_OTLP_HEADERS");
  return {
    serviceName: options.serviceName ?? read("OTEL_SERVICE_NAME") ?? "unknown_service:edge",
    tracesUrl: `${endpoint}/v1/traces`,
    metricsUrl: `${endpoint}/v1/metrics`,
    headers: { ...(envHeaders ? parseKeyPairsIntoRecord(envHeaders) : {}), ...options.headers },
    metrics: options.metrics ?? read("SIGHTLINE_METRICS") !== "none",
    flushTimeoutMs: positive(options.flushTimeoutMs ?? Number(read("SIGHTLINE_SHUTDOWN_TIMEOUT_MS")), 2000),
    maxQueuedSpans: positive(options.maxQueuedSpans, 2048),
    maxExportBatchSize: positive(options.maxExportBatchSize, 512),
  };
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function readProcessEnv(): Record<string, unknown> {
  // Not every edge runtime has `process`; Workers without nodejs_compat have none at all.
  const runtime = globalThis as { process?: { env?: Record<string, unknown> } };
  return runtime.process?.env ?? {};
}
