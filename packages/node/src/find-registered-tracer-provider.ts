import { ProxyTracerProvider, type TracerProvider, trace } from "@opentelemetry/api";

/**
 * The tracer provider someone already registered globally (their own NodeSDK, Sentry, …), or undefined
 * when only the API's no-op one is there. A fresh proxy's delegate is the API's no-op singleton, so
 * comparing with it works across API copies of the same version without relying on class names.
 */
export function findRegisteredTracerProvider(): TracerProvider | undefined {
  const global = trace.getTracerProvider();
  const delegate = global instanceof ProxyTracerProvider ? global.getDelegate() : global;
  const noop = new ProxyTracerProvider().getDelegate();
  return delegate === noop ? undefined : delegate;
}
