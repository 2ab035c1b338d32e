import { diag } from "@opentelemetry/api";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { buildExport } from "./create-sightline-export.js";
import { findRegisteredTracerProvider } from "./find-registered-tracer-provider.js";
import { installExitHooks } from "./install-exit-hooks.js";
import { resolveExportSettings } from "./resolve-export-settings.js";
import type { InitOptions, SightlineTelemetry } from "./types.js";

/**
 * Sets up OpenTelemetry for a Node app in one call: `@opentelemetry/sdk-node` with OTLP/HTTP trace and
 * metric exporters for a preset (`otlp`, `jaeger`, `honeycomb`, `console`, `none`), semconv bucket views,
 * and a flush on exit. Bad options throw one `SightlineError` before anything starts. When another tracer
 * provider is already registered, nothing is registered: it says so and how to add Sightline's export.
 * @example
 * import { init } from "@sightline/node";
 * const telemetry = init({ serviceName: "support-bot", exporter: "honeycomb" });
 * // … app …
 * await telemetry.shutdown();
 */
export function init(options: InitOptions = {}): SightlineTelemetry {
  const settings = resolveExportSettings(options);
  const log = options.log ?? ((message: string) => console.warn(`[sightline] ${message}`));
  const exported = buildExport(settings);
  const inactive = (): SightlineTelemetry => ({
    started: false,
    exporter: settings.preset,
    description: exported.description,
    flush: async () => {},
    shutdown: async () => {},
  });

  if ((options.env ?? process.env).OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") {
    // The SDK would start nothing anyway; say so in the result rather than claim it started.
    return inactive();
  }
  const existing = findRegisteredTracerProvider();
  // Bundlers rename classes (`TracerProvider$1`); the suffix means nothing to a reader.
  if (existing) {
    log(
      `a tracer provider (${existing.constructor.name.replace(/\$\d+$/, "")}) is already registered, so init() registered nothing: a second provider would split your spans. Add Sightline's export to your own setup instead: const sightline = createSightlineExport(options); put sightline.spanProcessors in your tracer provider's spanProcessors, and sightline.metricReaders and sightline.views in your MeterProvider.`,
    );
    return inactive();
  }
  for (const note of settings.notes) log(note);

  const spanProcessors = [...(options.spanProcessors ?? []), ...exported.spanProcessors];
  const sdk = new NodeSDK({
    ...(settings.serviceName === undefined ? {} : { serviceName: settings.serviceName }),
    ...(options.resourceAttributes === undefined
      ? {}
      : { resource: defaultResource().merge(resourceFromAttributes(options.resourceAttributes)) }),
    spanProcessors,
    metricReaders: exported.metricReaders,
    views: exported.views,
    instrumentations: options.instrumentations ?? [],
    // Sightline sends no logs; without this the SDK would start an OTLP log exporter from the environment.
    logRecordProcessors: [],
  });
  try {
    sdk.start();
  } catch (error) {
    diag.error("sightline: the OpenTelemetry SDK failed to start; telemetry is off", error);
    log(`the OpenTelemetry SDK failed to start, telemetry is off: ${String(error)}`);
    return inactive();
  }

  let shutdownPromise: Promise<void> | undefined;
  const uninstallExitHooks = settings.flushOnExit
    ? installExitHooks({ shutdown: () => shutdown() })
    : () => {};

  async function flush(): Promise<void> {
    const flushes = [
      ...spanProcessors.map((processor) => processor.forceFlush()),
      ...exported.metricReaders.map((reader) => reader.forceFlush()),
    ];
    for (const result of await Promise.allSettled(flushes)) {
      if (result.status === "rejected") diag.warn("sightline: flush failed", result.reason);
    }
  }

  function shutdown(): Promise<void> {
    shutdownPromise ??= (async () => {
      uninstallExitHooks();
      try {
        await sdk.shutdown();
      } catch (error) {
        diag.warn("sightline: shutdown failed", error);
      }
    })();
    return shutdownPromise;
  }

  return { started: true, exporter: settings.preset, description: exported.description, flush, shutdown };
}
