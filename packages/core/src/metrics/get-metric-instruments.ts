import type { Histogram, MeterProvider } from "@opentelemetry/api";
import { SEMCONV_SCHEMA_URL } from "../semconv.js";
import { type HistogramDefinition, SEMCONV_HISTOGRAMS } from "./semconv-histogram-definitions.js";

/** The instruments every operation records into. */
export interface MetricInstruments {
  duration: Histogram;
  tokenUsage: Histogram;
  timeToFirstChunk: Histogram;
  timePerOutputChunk: Histogram;
}

const cache = new WeakMap<MeterProvider, Map<string, MetricInstruments>>();

/**
 * Instruments for a meter provider and instrumentation scope, created once per pair. Looked up per call rather than
 * at wrap time because the metrics API has no proxy: a meter taken before the app registers its
 * provider would stay a no-op forever.
 */
export function getMetricInstruments(options: {
  meterProvider: MeterProvider;
  scopeName: string;
  scopeVersion: string;
}): MetricInstruments {
  let byScope = cache.get(options.meterProvider);
  if (!byScope) {
    byScope = new Map();
    cache.set(options.meterProvider, byScope);
  }
  // Keyed by scope too, so each provider package's metrics carry its own instrumentation scope.
  const cached = byScope.get(options.scopeName);
  if (cached) return cached;
  const meter = options.meterProvider.getMeter(options.scopeName, options.scopeVersion, {
    schemaUrl: SEMCONV_SCHEMA_URL,
  });
  const create = (definition: HistogramDefinition): Histogram =>
    meter.createHistogram(definition.name, {
      description: definition.description,
      unit: definition.unit,
      advice: { explicitBucketBoundaries: [...definition.boundaries] },
    });
  const instruments: MetricInstruments = {
    duration: create(SEMCONV_HISTOGRAMS.duration),
    tokenUsage: create(SEMCONV_HISTOGRAMS.tokenUsage),
    timeToFirstChunk: create(SEMCONV_HISTOGRAMS.timeToFirstChunk),
    timePerOutputChunk: create(SEMCONV_HISTOGRAMS.timePerOutputChunk),
  };
  byScope.set(options.scopeName, instruments);
  return instruments;
}
