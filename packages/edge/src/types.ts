import type { Attributes } from "@opentelemetry/api";

/**
 * The constructor of an `AsyncLocalStorage`, as `node:async_hooks` exports it (Workers with
 * `nodejs_compat`, Node, Bun, Deno) or as Vercel Edge puts it on `globalThis`.
 */
export type AsyncLocalStorageConstructor = new <T>() => {
  getStore(): T | undefined;
  run<R>(store: T, fn: () => R): R;
};

/** Options of {@link init}. */
export interface EdgeInitOptions {
  /** `service.name` of every span and metric. Default: `unknown_service:edge`. Env: `OTEL_SERVICE_NAME`. */
  serviceName?: string;
  /**
   * OTLP/HTTP base URL; `/v1/traces` and `/v1/metrics` are appended (a base path is kept). Default
   * `http://localhost:4318`. Env: `OTEL_EXPORTER_OTLP_ENDPOINT`.
   */
  endpoint?: string;
  /**
   * Extra headers on every export request, merged over the environment's. Default: none.
   * Env: `OTEL_EXPORTER_OTLP_HEADERS` (`k1=v1,k2=v2`).
   */
  headers?: Record<string, string>;
  /** Export metrics too (on each `flush()`). Default `true`. Env: `SIGHTLINE_METRICS=none` turns them off. */
  metrics?: boolean;
  /** Extra resource attributes. Default: none. */
  resourceAttributes?: Attributes;
  /**
   * Most spans held between flushes; later spans are dropped and counted, so memory stays bounded
   * when nobody flushes. Default `2048`.
   */
  maxQueuedSpans?: number;
  /** Spans per export request; a full batch is sent at once, before `flush()`. Default `512`. */
  maxExportBatchSize?: number;
  /**
   * Longest wait, in milliseconds, for `flush()` and `shutdown()` whatever the backend does; also each
   * export request's timeout. Default `2000`. Env: `SIGHTLINE_SHUTDOWN_TIMEOUT_MS`.
   */
  flushTimeoutMs?: number;
  /**
   * The `AsyncLocalStorage` class that carries `withContext` values and span parents across `await`.
   * Default: `globalThis.AsyncLocalStorage` (Vercel Edge), else `node:async_hooks` through
   * `process.getBuiltinModule` (Workers with `nodejs_compat`, Node, Bun, Deno); none found → no context
   * propagation, and core warns once when `withContext` runs.
   */
  asyncLocalStorage?: AsyncLocalStorageConstructor | false;
  /**
   * Where one-time notes and export failures go: the first failure per signal, its recovery, and spans
   * dropped because the queue was full. Default: `console.warn` with a `[sightline] ` prefix.
   */
  log?: (message: string) => void;
  /** `fetch` used for the export requests. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Environment to read the variables above from: the Worker's `env` binding, `process.env` or
   * `Deno.env.toObject()`. Default: `globalThis.process?.env` when there is one, else none.
   */
  // `object`, not a record type: a Worker's `Env` interface has no index signature.
  env?: object;
}

/** The running telemetry returned by {@link init}. */
export interface EdgeTelemetry {
  /** `false` when an earlier `init()` in this isolate already started it; that one is returned. */
  started: boolean;
  /** How context crosses `await`: `async-local-storage`, or `none` (values of `withContext` are lost). */
  contextPropagation: "async-local-storage" | "none";
  /** Where each signal goes, one line per signal. */
  description: string[];
  /**
   * Exports everything buffered now (spans, then metrics) and waits for exports in flight; for
   * `ctx.waitUntil(telemetry.flush())` or Next.js `after()`. Returns within `flushTimeoutMs`. Never throws.
   */
  flush(): Promise<void>;
  /** Flushes and stops exporting, within `flushTimeoutMs`; later calls do nothing. Never throws. */
  shutdown(): Promise<void>;
}
