import type { Attributes, ValueType } from "@opentelemetry/api";
import { isTokenCount } from "../operation/build-response-attributes.js";
import type { GenAIUsage } from "../operation/operation-shapes.js";
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_TOKEN_TYPE,
  GEN_AI_TOKEN_TYPE_INPUT,
  GEN_AI_TOKEN_TYPE_OUTPUT,
} from "../semconv.js";
import type { FixedHistogram } from "./fixed-histogram.js";
import {
  createHistogramSeries,
  createSumSeries,
  DEFAULT_CARDINALITY_LIMIT,
  getSeriesKey,
  type HistogramSeries,
  OVERFLOW_ATTRIBUTES,
  type SumSeries,
} from "./metric-series.js";
import { SEMCONV_HISTOGRAMS } from "./semconv-histogram-definitions.js";

/** An instrumentation scope Sightline records under. */
export interface MetricScope {
  name: string;
  version?: string;
  schemaUrl?: string;
}

/** One operation's semconv measurements, recorded in one step. */
export interface OperationMeasurements {
  scope: MetricScope;
  /** The operation's metric attributes, `error.type` included when it failed. */
  attributes: Attributes;
  /** getSeriesKey(attributes), when the caller has it already. */
  key?: string;
  durationSeconds: number;
  usage: GenAIUsage | undefined;
  timeToFirstChunkSeconds: number | undefined;
  /** The stream's chunk gaps, folded into one histogram while it ran. */
  chunkGaps: FixedHistogram | undefined;
}

/** The series that share one attribute set without `error.type` (token usage and chunk timings). */
interface CallSeries {
  readonly attributes: Attributes;
  inputTokens?: HistogramSeries;
  outputTokens?: HistogramSeries;
  timeToFirstChunk?: HistogramSeries;
  timePerOutputChunk?: HistogramSeries;
}

/** What defines a counter Sightline aggregates itself. */
export interface CounterDefinition {
  name: string;
  description: string;
  unit: string;
  valueType: ValueType;
}

/** One counter's series. */
interface CounterSeries {
  readonly definition: CounterDefinition;
  readonly series: Map<string, SumSeries>;
}

/** Everything recorded under one instrumentation scope. */
export interface ScopeSeries {
  readonly scope: MetricScope;
  /** Keyed by the full attribute set (with `error.type`). */
  readonly duration: Map<string, HistogramSeries>;
  /** Keyed by the attribute set without `error.type`. */
  readonly calls: Map<string, CallSeries>;
  /** Counters by name, each with its series by attribute set. */
  readonly sums: Map<string, CounterSeries>;
}

/**
 * Sightline's own aggregation of its metrics: cumulative histograms and counters per attribute set,
 * kept per instrumentation scope. A measurement costs one key per operation and a few additions,
 * where the SDK sorts and hashes the attribute set on every record. Bounded: past `cardinalityLimit`
 * attribute sets per metric, measurements go to one overflow set, as the SDK does.
 */
export class SightlineMetricStore {
  readonly scopes = new Map<string, ScopeSeries>();

  constructor(readonly cardinalityLimit: number = DEFAULT_CARDINALITY_LIMIT) {}

  /**
   * Records what one finished operation measured. Returns the key of its attribute set, for the
   * operation's other measurements with the same attributes (addToCounter's `key`).
   */
  recordOperation(measurements: OperationMeasurements): string {
    const { attributes, usage } = measurements;
    const scope = this.getScope(measurements.scope);
    const key = measurements.key ?? getSeriesKey(attributes);
    let duration = scope.duration.get(key);
    if (duration === undefined) {
      duration = this.addSeries(scope.duration, key, attributes, (seriesAttributes) =>
        createHistogramSeries({ ...seriesAttributes }, SEMCONV_HISTOGRAMS.duration.boundaries),
      );
    }
    duration.histogram.record(measurements.durationSeconds);

    const failed = attributes[ATTR_ERROR_TYPE] !== undefined;
    let withoutError = attributes;
    if (failed) {
      withoutError = { ...attributes };
      delete withoutError[ATTR_ERROR_TYPE];
    }
    const callKey = failed ? getSeriesKey(withoutError) : key;
    let call = scope.calls.get(callKey);
    if (call === undefined) {
      call = this.addSeries(scope.calls, callKey, withoutError, (seriesAttributes) => ({
        attributes:
          seriesAttributes === OVERFLOW_ATTRIBUTES
            ? seriesAttributes
            : Object.freeze({ ...seriesAttributes }),
      }));
    }
    if (usage && isTokenCount(usage.inputTokens)) {
      call.inputTokens ??= createTokenSeries(call.attributes, GEN_AI_TOKEN_TYPE_INPUT);
      call.inputTokens.histogram.record(usage.inputTokens);
    }
    if (usage && isTokenCount(usage.outputTokens)) {
      call.outputTokens ??= createTokenSeries(call.attributes, GEN_AI_TOKEN_TYPE_OUTPUT);
      call.outputTokens.histogram.record(usage.outputTokens);
    }
    if (measurements.timeToFirstChunkSeconds !== undefined) {
      call.timeToFirstChunk ??= createHistogramSeries(
        call.attributes,
        SEMCONV_HISTOGRAMS.timeToFirstChunk.boundaries,
      );
      call.timeToFirstChunk.histogram.record(measurements.timeToFirstChunkSeconds);
    }
    const gaps = measurements.chunkGaps;
    if (gaps !== undefined && gaps.count > 0) {
      call.timePerOutputChunk ??= createHistogramSeries(
        call.attributes,
        SEMCONV_HISTOGRAMS.timePerOutputChunk.boundaries,
      );
      call.timePerOutputChunk.histogram.merge(gaps);
    }
    return key;
  }

  /** Adds `value` to a counter of `scope` for `attributes`; negative values are dropped, as the SDK does. */
  addToCounter(options: {
    scope: MetricScope;
    counter: CounterDefinition;
    attributes: Attributes;
    value: number;
    /** getSeriesKey(attributes), when the caller has it already. */
    key?: string;
  }): void {
    if (!(options.value >= 0)) return;
    const scope = this.getScope(options.scope);
    let counter = scope.sums.get(options.counter.name);
    if (counter === undefined) {
      counter = { definition: options.counter, series: new Map() };
      scope.sums.set(options.counter.name, counter);
    }
    const series = counter.series;
    const key = options.key ?? getSeriesKey(options.attributes);
    let sum = series.get(key);
    if (sum === undefined) {
      sum = this.addSeries(series, key, options.attributes, (seriesAttributes) =>
        createSumSeries({ ...seriesAttributes }),
      );
    }
    sum.value += options.value;
  }

  private getScope(scope: MetricScope): ScopeSeries {
    let series = this.scopes.get(scope.name);
    if (series === undefined) {
      series = { scope, duration: new Map(), calls: new Map(), sums: new Map() };
      this.scopes.set(scope.name, series);
    }
    return series;
  }

  /** Adds a series under `key`, or returns the overflow series (overflow attribute only) once the map is full. */
  private addSeries<Series>(
    map: Map<string, Series>,
    key: string,
    attributes: Attributes,
    create: (attributes: Attributes) => Series,
  ): Series {
    if (map.size < this.cardinalityLimit - 1) {
      const series = create(attributes);
      map.set(key, series);
      return series;
    }
    let overflow = map.get(OVERFLOW_KEY);
    if (overflow === undefined) {
      overflow = create(OVERFLOW_ATTRIBUTES);
      map.set(OVERFLOW_KEY, overflow);
    }
    return overflow;
  }
}

/** Where a metric's overflow series is kept; no attribute set produces this key. */
const OVERFLOW_KEY = "\u0000overflow";

function createTokenSeries(base: Attributes, tokenType: string): HistogramSeries {
  // The overflow set stays the overflow attribute alone, as in the SDK.
  const attributes = base === OVERFLOW_ATTRIBUTES ? base : { ...base, [ATTR_GEN_AI_TOKEN_TYPE]: tokenType };
  return createHistogramSeries(attributes, SEMCONV_HISTOGRAMS.tokenUsage.boundaries);
}
