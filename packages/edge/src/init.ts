import { context, diag, metrics, propagation, trace } from "@opentelemetry/api";
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from "@opentelemetry/core";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { TracerProvider } from "@opentelemetry/sdk-trace";
import { createSightlineSpanProcessor } from "@sightline/core";
import { createAsyncLocalStorageContextManager } from "./create-async-local-storage-context-manager.js";
import { createBufferingSpanProcessor } from "./create-buffering-span-processor.js";
import { createExportReporter } from "./create-export-reporter.js";
import { createFlushMetricReader } from "./create-flush-metric-reader.js";
import { createOtlpSender } from "./create-otlp-sender.js";
import { findAsyncLocalStorage } from "./find-async-local-storage.js";
import { resolveEdgeSettings } from "./resolve-edge-settings.js";
import { settleWithin } from "./settle-within.js";
import type { EdgeInitOptions, EdgeTelemetry } from "./types.js";

// One telemetry per isolate, kept on globalThis so a Worker can call init() in every request (its env
// binding only exists there) and so two copies of this package in one bundle still share it.
const TELEMETRY_KEY = Symbol.for("sightline.edge.telemetry");

/**
 * Starts OpenTelemetry for edge and serverless runtimes (Cloudflare Workers with or without
 * `nodejs_compat`, Vercel Edge and Functions, Deno Deploy, Bun): spans and metrics are kept in memory and
 * sent as OTLP/HTTP JSON with `fetch` when a batch fills or on `flush()`. Uses no Node modules and no
 * timers between requests. A second call in the same isolate returns the first telemetry (`started: false`).
 * Export failures go to `diag` and `log`; nothing here throws.
 * @example
 * export default {
 *   async fetch(request, env, ctx) {
 *     const telemetry = init({ serviceName: "my-worker", env });
 *     try { return await handle(request, env); } finally { ctx.waitUntil(telemetry.flush()); }
 *   },
 * };
 */
export function init(options: EdgeInitOptions = {}): EdgeTelemetry {
  const runtime = globalThis as { [TELEMETRY_KEY]?: EdgeTelemetry };
  const existing = runtime[TELEMETRY_KEY];
  if (existing) return { ...existing, started: false };

  const settings = resolveEdgeSettings(options);
  const log = options.log ?? ((message: string) => console.warn(`[sightline] ${message}`));
  const reporter = createExportReporter(log);
  const sendWith = (url: string, signal: string) =>
    createOtlpSender({
      url,
      signal,
      reporter,
      headers: settings.headers,
      timeoutMs: settings.flushTimeoutMs,
      // Bound late so a runtime (or test) that replaces globalThis.fetch after init is honoured.
      fetch: options.fetch ?? ((input, requestInit) => globalThis.fetch(input, requestInit)),
    });

  // Each isolate keeps its own cumulative metric sums: a per-isolate service.instance.id keeps the series
  // of many isolates apart, where a shared identity would look like counters jumping back and forth.
  const resource = defaultResource().merge(
    resourceFromAttributes({
      "service.instance.id": crypto.randomUUID(),
      ...options.resourceAttributes,
      "service.name": settings.serviceName,
    }),
  );
  const tracerProvider = new TracerProvider({
    resource,
    spanProcessors: [
      // As in @sightline/node: prices other tools' GenAI spans and keeps a call two tools see to one span.
      createSightlineSpanProcessor(),
      createBufferingSpanProcessor({
        send: sendWith(settings.tracesUrl, "traces"),
        reporter,
        maxQueuedSpans: settings.maxQueuedSpans,
        maxExportBatchSize: settings.maxExportBatchSize,
      }),
    ],
  });
  const meterProvider = settings.metrics
    ? new MeterProvider({
        resource,
        readers: [createFlushMetricReader(sendWith(settings.metricsUrl, "metrics"), reporter)],
      })
    : undefined;

  const AsyncLocalStorage =
    options.asyncLocalStorage === false ? undefined : (options.asyncLocalStorage ?? findAsyncLocalStorage());
  if (AsyncLocalStorage)
    context.setGlobalContextManager(createAsyncLocalStorageContextManager(AsyncLocalStorage));
  else
    log(
      "no AsyncLocalStorage in this runtime (on Cloudflare Workers: enable nodejs_compat): spans keep their parents only within synchronous code and withContext values do not cross await",
    );
  trace.setGlobalTracerProvider(tracerProvider);
  if (meterProvider) metrics.setGlobalMeterProvider(meterProvider);
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );

  const flushAll = async () => {
    await tracerProvider.forceFlush();
    await meterProvider?.forceFlush();
  };
  let stopping: Promise<void> | undefined;
  const telemetry: EdgeTelemetry = {
    started: true,
    contextPropagation: AsyncLocalStorage ? "async-local-storage" : "none",
    description: [
      `traces → ${settings.tracesUrl} (http/json)`,
      `metrics → ${settings.metrics ? `${settings.metricsUrl} (http/json)` : "none"}`,
    ],
    async flush() {
      if (!(await settleWithin(flushAll().catch(reportFlushError), settings.flushTimeoutMs)))
        diag.warn(`@sightline/edge: flush did not finish within ${settings.flushTimeoutMs} ms`);
    },
    shutdown() {
      // A later init() in this isolate starts afresh rather than handing back a stopped telemetry.
      if (runtime[TELEMETRY_KEY] === telemetry) delete runtime[TELEMETRY_KEY];
      stopping ??= settleWithin(
        Promise.all([tracerProvider.shutdown(), meterProvider?.shutdown()]).catch(reportFlushError),
        settings.flushTimeoutMs,
      ).then(() => undefined);
      return stopping;
    },
  };
  runtime[TELEMETRY_KEY] = telemetry;
  return telemetry;
}

function reportFlushError(error: unknown): void {
  diag.error("@sightline/edge: flush failed", error);
}
