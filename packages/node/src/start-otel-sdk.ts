import {
  type Attributes,
  context,
  DiagConsoleLogger,
  diag,
  metrics,
  propagation,
  trace,
} from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { diagLogLevelFromString } from "@opentelemetry/core";
import { type IMetricReader, MeterProvider, type ViewOptions } from "@opentelemetry/sdk-metrics";
import { type SpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { createPropagatorFromEnv } from "./create-propagator-from-env.js";
import { createResource } from "./create-resource.js";
import { createSamplerFromEnv } from "./create-sampler-from-env.js";
import type { EnvReader } from "./read-env.js";
import { readSpanLimitsFromEnv } from "./read-span-limits-from-env.js";
import { type InstrumentationLike, registerInstrumentations } from "./register-instrumentations.js";

/** The OpenTelemetry SDK pieces `init` registered, and the one call that stops them. */
export interface StartedOtelSdk {
  tracerProvider: TracerProvider;
  meterProvider: MeterProvider;
  shutdown(): Promise<void>;
}

/**
 * Registers a tracer provider, a meter provider, the AsyncLocalStorage context manager and the
 * propagators globally, honouring the `OTEL_*` SDK variables (sampler, span limits, propagators, log
 * level). It does what `@opentelemetry/sdk-node`'s `NodeSDK.start()` did for `init`, with only the
 * packages `init` uses: `sdk-node` brought about 60 more (gRPC, logs, Prometheus, Zipkin, B3).
 */
export function startOtelSdk(options: {
  read: EnvReader;
  serviceName: string | undefined;
  resourceAttributes: Attributes | undefined;
  spanProcessors: SpanProcessor[];
  metricReaders: IMetricReader[];
  views: ViewOptions[];
  instrumentations: readonly (InstrumentationLike | readonly InstrumentationLike[])[];
}): StartedOtelSdk {
  const { read } = options;
  const logLevel = read("OTEL_LOG_LEVEL");
  if (logLevel !== undefined)
    diag.setLogger(new DiagConsoleLogger(), { logLevel: diagLogLevelFromString(logLevel) });

  const resource = createResource(options);
  const sampler = createSamplerFromEnv(read);
  const tracerProvider = new TracerProvider({
    resource,
    spanProcessors: options.spanProcessors,
    spanLimits: readSpanLimitsFromEnv(read),
    ...(sampler ? { sampler } : {}),
  });
  const meterProvider = new MeterProvider({ resource, readers: options.metricReaders, views: options.views });

  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const propagator = createPropagatorFromEnv(read);
  if (propagator) propagation.setGlobalPropagator(propagator);
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  registerInstrumentations({
    instrumentations: options.instrumentations,
    tracerProvider,
    meterProvider,
  });

  return {
    tracerProvider,
    meterProvider,
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}
