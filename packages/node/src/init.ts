import { diag } from "@opentelemetry/api";
import {
  createSightlineMetricProducer,
  createSightlineSpanProcessor,
  getDefaultPriceRegistry,
  type PriceRefresh,
} from "@sightline/core";
import { resolvePricesOptions, startConfiguredPriceRefresh } from "@sightline/core/provider";
import { buildExport } from "./create-sightline-export.js";
import { findRegisteredTracerProvider } from "./find-registered-tracer-provider.js";
import { installExitHooks } from "./install-exit-hooks.js";
import { createEnvReader } from "./read-env.js";
import { resolveExportSettings } from "./resolve-export-settings.js";
import { settleWithin } from "./settle-within.js";
import { type StartedOtelSdk, startOtelSdk } from "./start-otel-sdk.js";
import type { InitOptions, SightlineTelemetry } from "./types.js";

/** The telemetry `init` started and has not shut down yet; a second `init` call returns it. */
let running: SightlineTelemetry | undefined;

/**
 * Sets up OpenTelemetry for a Node app in one call: the OTel JS SDK's tracer and meter providers, the
 * AsyncLocalStorage context manager and W3C propagators, with OTLP/HTTP trace and metric exporters for a preset (`otlp`, `jaeger`, `honeycomb`, `console`, `none`), semconv bucket views,
 * and a flush on exit. `flush()` and `shutdown()` (so the exit hooks too) return within `shutdownTimeoutMs`;
 * export failures are said through `options.log`. Bad options throw one `SightlineError` before anything
 * starts. When another tracer provider is already registered, nothing is registered: it says so and how
 * to add Sightline's export. A second call while one is running returns the running one, options
 * ignored, so any module can reach `flush()`.
 * @example
 * import { init } from "@sightline/node";
 * const telemetry = init({ serviceName: "support-bot", exporter: "honeycomb" });
 * // … app …
 * await telemetry.shutdown();
 */
export function init(options: InitOptions = {}): SightlineTelemetry {
  // A route or a second module asking for the telemetry gets the one already running, so it can flush it
  // (Next.js `after()`, a serverless handler) without a second provider or a misleading warning.
  if (running) return running;
  const settings = resolveExportSettings(options);
  const env = options.env ?? process.env;
  const pricesSettings = resolvePricesOptions(options.prices, (name) => env[name]);
  const { log } = settings;
  let prices: PriceRefresh | undefined;
  // Sightline's own metric aggregation, read by init's metric readers (see createSightlineMetricProducer).
  const exported = buildExport(settings, createSightlineMetricProducer());
  const inactive = (): SightlineTelemetry => ({
    started: false,
    exporter: settings.preset,
    description: exported.description,
    ...(prices ? { prices } : {}),
    flush: async () => {},
    shutdown: async () => {},
  });

  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") {
    // The SDK would start nothing anyway; say so in the result rather than claim it started.
    return inactive();
  }
  // Before the tracer provider check: wrapped clients price their calls whoever exports the spans.
  prices = pricesSettings
    ? startConfiguredPriceRefresh({ registry: getDefaultPriceRegistry(), settings: pricesSettings, log })
    : undefined;
  const existing = findRegisteredTracerProvider();
  // Bundlers rename classes (`TracerProvider$1`); the suffix means nothing to a reader.
  if (existing) {
    log(
      `a tracer provider (${existing.constructor.name.replace(/\$\d+$/, "")}) is already registered, so init() registered nothing: a second provider would split your spans. Add Sightline's export to your own setup instead: const sightline = createSightlineExport(options); put createSightlineSpanProcessor() (from @sightline/core) and sightline.spanProcessors in your tracer provider's spanProcessors, and sightline.metricReaders and sightline.views in your MeterProvider.`,
    );
    return inactive();
  }
  for (const note of settings.notes) log(note);

  // Prices other tools' GenAI spans and keeps a call two tools see to one span (docs/stacking.md).
  const spanProcessors = [
    createSightlineSpanProcessor(),
    ...(options.spanProcessors ?? []),
    ...exported.spanProcessors,
  ];
  let sdk: StartedOtelSdk;
  try {
    sdk = startOtelSdk({
      read: createEnvReader(env),
      serviceName: settings.serviceName,
      resourceAttributes: options.resourceAttributes,
      spanProcessors,
      metricReaders: exported.metricReaders,
      views: exported.views,
      instrumentations: options.instrumentations ?? [],
    });
  } catch (error) {
    diag.error("sightline: the OpenTelemetry SDK failed to start; telemetry is off", error);
    log(`the OpenTelemetry SDK failed to start, telemetry is off: ${String(error)}`);
    return inactive();
  }
  // Every reader of this meter provider reads the producer: Sightline's metrics may skip the SDK's instruments.
  exported.attachableMetricProducer?.attachTo(sdk.meterProvider);

  let shutdownPromise: Promise<void> | undefined;
  const uninstallExitHooks = settings.flushOnExit
    ? installExitHooks({ shutdown: () => shutdown() })
    : () => {};

  // Both are bounded: a collector that hangs or is gone must not hold up an exiting process.
  async function flush(): Promise<void> {
    const outcome = await settleWithin({
      timeoutMs: settings.shutdownTimeoutMs,
      work: async () => {
        const flushes = [
          ...spanProcessors.map((processor) => processor.forceFlush()),
          ...exported.metricReaders.map((reader) => reader.forceFlush()),
        ];
        for (const result of await Promise.allSettled(flushes)) {
          if (result.status === "rejected") diag.warn("sightline: flush failed", result.reason);
        }
      },
    });
    if (outcome.status === "timed-out") {
      diag.warn(
        `sightline: flush did not finish within shutdownTimeoutMs (${settings.shutdownTimeoutMs} ms)`,
      );
    }
  }

  function shutdown(): Promise<void> {
    shutdownPromise ??= (async () => {
      if (running === telemetry) running = undefined;
      uninstallExitHooks();
      prices?.stop();
      for (const reporter of exported.reporters) reporter.close();
      const outcome = await settleWithin({
        timeoutMs: settings.shutdownTimeoutMs,
        work: () => sdk.shutdown(),
      });
      exported.attachableMetricProducer?.detach();
      if (outcome.status === "rejected") diag.warn("sightline: shutdown failed", outcome.reason);
      if (outcome.status === "timed-out") {
        diag.warn(
          `sightline: shutdown did not finish within shutdownTimeoutMs (${settings.shutdownTimeoutMs} ms); what was not exported by then is dropped`,
        );
      }
      // The processors say their count when their shutdown ends; after a timeout nobody else will.
      for (const reporter of exported.reporters) reporter.report();
    })();
    return shutdownPromise;
  }

  const telemetry: SightlineTelemetry = {
    started: true,
    exporter: settings.preset,
    description: exported.description,
    ...(prices ? { prices } : {}),
    flush,
    shutdown,
  };
  running = telemetry;
  return telemetry;
}
