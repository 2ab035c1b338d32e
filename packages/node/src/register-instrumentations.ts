import type { MeterProvider, TracerProvider } from "@opentelemetry/api";

/**
 * What `init` needs of an OpenTelemetry instrumentation (`new HttpInstrumentation()` and the like):
 * the shape `@opentelemetry/instrumentation` gives every one, described here so the setup package does
 * not install that package for apps that pass none.
 */
export interface InstrumentationLike {
  setTracerProvider(provider: TracerProvider): void;
  setMeterProvider(provider: MeterProvider): void;
  enable(): void;
  disable(): void;
  isEnabled?(): boolean;
}

/**
 * Points each instrumentation at the providers and enables it. Shutdown leaves them enabled, as
 * `NodeSDK` did: unpatching a module under calls in flight would do more harm than a no-op tracer.
 */
export function registerInstrumentations(options: {
  instrumentations: readonly (InstrumentationLike | readonly InstrumentationLike[])[];
  tracerProvider: TracerProvider;
  meterProvider: MeterProvider;
}): void {
  const instrumentations = options.instrumentations.flat();
  for (const instrumentation of instrumentations) {
    instrumentation.setTracerProvider(options.tracerProvider);
    instrumentation.setMeterProvider(options.meterProvider);
    if (!instrumentation.isEnabled?.()) instrumentation.enable();
  }
}
