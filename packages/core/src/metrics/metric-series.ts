import type { Attributes, HrTime } from "@opentelemetry/api";
import { FixedHistogram } from "./fixed-histogram.js";

/** The attribute set the SDK gives measurements past its cardinality limit; Sightline does the same. */
export const OVERFLOW_ATTRIBUTES: Attributes = Object.freeze({ "otel.metric.overflow": true });

/** The default number of attribute sets kept per metric, as the SDK's default cardinality limit. */
export const DEFAULT_CARDINALITY_LIMIT = 2000;

/** One histogram time series: its attribute set (frozen, shared), its start and its buckets. */
export interface HistogramSeries {
  readonly attributes: Attributes;
  readonly startTime: HrTime;
  readonly histogram: FixedHistogram;
}

/** One counter time series. */
export interface SumSeries {
  readonly attributes: Attributes;
  readonly startTime: HrTime;
  value: number;
}

/** Now, as the `HrTime` (seconds, nanoseconds since the epoch) metric data points carry. */
export function hrTimeNow(): HrTime {
  const milliseconds = performance.timeOrigin + performance.now();
  const seconds = Math.floor(milliseconds / 1000);
  return [seconds, Math.floor((milliseconds - seconds * 1000) * 1e6)];
}

/** A new, empty histogram series for `attributes` over `boundaries`. */
export function createHistogramSeries(
  attributes: Attributes,
  boundaries: readonly number[],
): HistogramSeries {
  return {
    attributes: Object.freeze(attributes),
    startTime: hrTimeNow(),
    histogram: new FixedHistogram(boundaries),
  };
}

/** A new counter series for `attributes`, at zero. */
export function createSumSeries(attributes: Attributes): SumSeries {
  return { attributes: Object.freeze(attributes), startTime: hrTimeNow(), value: 0 };
}

/**
 * The key of an attribute set: its keys and values in insertion order. Sightline's metric attributes
 * are always built in one fixed order, so one set always gets one key; built once per operation and
 * used for every series of it, instead of the SDK's sort-and-hash per measurement.
 */
export function getSeriesKey(attributes: Attributes): string {
  let key = "";
  for (const name in attributes) {
    const value = attributes[name];
    if (value === undefined) continue;
    const text =
      typeof value === "object" ? JSON.stringify(value) : `${typeof value === "string" ? "s" : "n"}${value}`;
    key += `${name}\u0001${text}\u0002`;
  }
  return key;
}
