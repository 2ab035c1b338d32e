import { context, metrics, propagation, trace } from "@opentelemetry/api";
import { createEvalSpanProcessor } from "@sightline/evals";
import { init } from "@sightline/node";

/** The run's telemetry: started before the config is imported, so wrapped clients find the tracer provider. */
export interface EvalTelemetry {
  /** Where spans go, one line per signal (empty when nothing is exported). */
  description: string[];
  /** False when another tracer provider was registered first: rows then get no cost from spans. */
  started: boolean;
  /** Exports what is buffered, stops the SDK and unregisters what it registered. */
  shutdown(): Promise<void>;
}

/**
 * Sets up the OTel SDK through `@sightline/node`'s `init`, with the eval span processor (cost and latency per
 * row from the model-call spans) and, when an endpoint is given (`--otlp-endpoint`, or the standard
 * `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `SIGHTLINE_EXPORTER` variables), an
 * OTLP/HTTP exporter so the run lands in Jaeger or Honeycomb next to production. Without one, nothing is exported.
 */
export function startEvalTelemetry(options: {
  endpoint: string | undefined;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
}): EvalTelemetry {
  const { env } = options;
  const fromEnv =
    env.SIGHTLINE_EXPORTER !== undefined ||
    env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined;
  const exporting = options.endpoint !== undefined || fromEnv;
  const telemetry = init({
    serviceName: env.OTEL_SERVICE_NAME ?? "sightline-eval",
    ...(options.endpoint !== undefined ? { exporter: "otlp", endpoint: options.endpoint } : {}),
    ...(exporting ? {} : { exporter: "none" }),
    spanProcessors: [createEvalSpanProcessor()],
    flushOnExit: false,
    env,
    log: options.log,
  });
  return {
    description: exporting ? telemetry.description : [],
    started: telemetry.started,
    async shutdown() {
      await telemetry.shutdown();
      if (!telemetry.started) return;
      // The CLI owns the process: leave the API as it found it, so a later run (or test) can register again.
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
}
