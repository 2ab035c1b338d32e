import { context, metrics, propagation, trace } from "@opentelemetry/api";
import { createEvalSpanProcessor } from "@sightline/evals";

/** The run's telemetry: started before the config is imported, so wrapped clients find the tracer provider. */
export interface EvalTelemetry {
  /** Where spans go, one line per signal (empty when nothing is exported). */
  description: string[];
  /** False when another tracer provider was registered first: rows then get no cost from spans. */
  started: boolean;
  /** Exports what is buffered, stops the SDK and unregisters what it registered. */
  shutdown(): Promise<void>;
}

/** `sightline eval` needs the OTel SDK, which `@sightline/node` brings; the CLI's other commands do not. */
export class MissingEvalSetupError extends Error {}

/**
 * Sets up the OTel SDK through `@sightline/node`'s `init` (an optional peer of the CLI, loaded only here, so
 * the other commands run without it and on Node 20), with the eval span processor (cost and latency per
 * row from the model-call spans) and, when an endpoint is given (`--otlp-endpoint`, or the standard
 * `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `SIGHTLINE_EXPORTER` variables), an
 * OTLP/HTTP exporter so the run lands in Jaeger or Honeycomb next to production. Without one, nothing is exported.
 * Metrics are exported only when `SIGHTLINE_METRICS` or `OTEL_METRICS_EXPORTER` asks for them.
 */
export async function startEvalTelemetry(options: {
  endpoint: string | undefined;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
}): Promise<EvalTelemetry> {
  const { env } = options;
  const init = await loadInit();
  const fromEnv =
    env.SIGHTLINE_EXPORTER !== undefined ||
    env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined;
  const exporting = options.endpoint !== undefined || fromEnv;
  const telemetry = init({
    serviceName: env.OTEL_SERVICE_NAME ?? "sightline-eval",
    ...(options.endpoint !== undefined ? { exporter: "otlp", endpoint: options.endpoint } : {}),
    ...(exporting ? {} : { exporter: "none" }),
    // Traces only unless asked: an eval run's scores in the production metrics backend would join the live
    // evaluation series (and their pass-rate alerts), and Jaeger, where runs often go, takes no metrics.
    ...(env.SIGHTLINE_METRICS === undefined && env.OTEL_METRICS_EXPORTER === undefined
      ? { metrics: "none" }
      : {}),
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

async function loadInit(): Promise<typeof import("@sightline/node").init> {
  try {
    return (await import("@sightline/node")).init;
  } catch (error) {
    throw new MissingEvalSetupError(
      "sightline eval runs the dataset through the OpenTelemetry SDK that @sightline/node brings (Node 22.15 or " +
        `later); install it beside the CLI: npm install --save-dev @sightline/node (${(error as Error).message})`,
    );
  }
}
