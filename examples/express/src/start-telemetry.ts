import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { type InitOptions, init } from "@sightline/node";

/**
 * Starts telemetry with the standard HTTP instrumentation. Must run before `express` (and so `node:http`)
 * is loaded by the app, which is why `main.ts` imports the app only afterwards.
 */
export function startTelemetry(options: Partial<InitOptions> = {}) {
  return init({
    serviceName: "sightline-express-example",
    // Default: OTLP to localhost:4318, where `sightline dev` listens; the OTEL_EXPORTER_OTLP_* variables override it.
    exporter: "otlp",
    instrumentations: [new HttpInstrumentation()],
    ...options,
  });
}
