import type { Meter, MeterProvider } from "@opentelemetry/api";

/** The instrumentation scope of the instruments core itself owns (cost, drift, governance, outcomes). */
export const CORE_SCOPE_NAME = "@sightline/core";

/**
 * Returns a getter that creates a set of core-owned instruments once per meter provider and reuses
 * it after: creating instruments per call would cost a map lookup in the SDK and could warn about
 * duplicates, and a provider registered late still gets its own set.
 */
export function createCoreInstruments<Instruments>(
  create: (meter: Meter) => Instruments,
): (meterProvider: MeterProvider) => Instruments {
  const cache = new WeakMap<MeterProvider, Instruments>();
  return (meterProvider) => {
    let instruments = cache.get(meterProvider);
    if (!instruments) {
      instruments = create(meterProvider.getMeter(CORE_SCOPE_NAME));
      cache.set(meterProvider, instruments);
    }
    return instruments;
  };
}
