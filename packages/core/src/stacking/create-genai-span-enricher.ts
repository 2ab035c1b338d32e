import { type Attributes, createNoopMeter, type MeterProvider, metrics, type Span } from "@opentelemetry/api";
import type { DriftMonitor } from "@sightline/drift";
import { getDefaultPriceRegistry, type PriceRegistry } from "@sightline/pricing";
import { createCostFinisher } from "../finishers/create-cost-finisher.js";
import { createDriftFinisher } from "../finishers/create-drift-finisher.js";
import { detectRefusal } from "../finishers/detect-refusal.js";
import { getDefaultDriftMonitor } from "../finishers/get-default-drift-monitor.js";
import type { FinishedOperation, OperationFinisher } from "../finishers/types.js";
import { getMetricInstruments } from "../metrics/get-metric-instruments.js";
import { recordCallMetrics } from "../metrics/record-operation-metrics.js";
import { resolvePricesOptions } from "../prices/resolve-prices-options.js";
import { startConfiguredPriceRefresh } from "../prices/start-configured-price-refresh.js";
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_SIGHTLINE_FEATURE,
} from "../semconv.js";
import { PACKAGE_VERSION } from "../version.js";
import type { ForeignCall } from "./read-genai-span.js";

/** Options of the enrichment of other tools' GenAI spans (span processor and exporter wrapper). */
export interface GenAISpanEnrichmentOptions {
  /** Price calls: `false` turns cost off. Default: the bundled catalog (`getDefaultPriceRegistry()`). */
  cost?: false | { registry?: PriceRegistry };
  /** Feed calls to a drift monitor: `false` turns drift off. Default: `getDefaultDriftMonitor()`. */
  drift?: false | { monitor?: DriftMonitor };
  /**
   * Record the semconv client metrics (`gen_ai.client.operation.duration`, `gen_ai.client.token.usage`)
   * for calls whose instrumentation records none. Default: true. Scopes known to record them
   * ({@link FOREIGN_METRIC_SCOPES}) are never recorded twice.
   */
  metrics?: boolean;
  /** Meter provider for cost, drift and semconv metrics. Default: the global one, read per call. */
  meterProvider?: MeterProvider;
}

/**
 * Instrumentation scopes that record the semconv GenAI client metrics themselves: Sightline records
 * cost for their calls but not a second `gen_ai.client.*` sample.
 */
export const FOREIGN_METRIC_SCOPES: ReadonlySet<string> = new Set([
  "@opentelemetry/instrumentation-openai",
  "@opentelemetry/instrumentation-aws-sdk",
  "@elastic/opentelemetry-instrumentation-openai",
]);

/** The scope Sightline's metrics for other tools' spans are recorded under. */
const ENRICHMENT_SCOPE = { scopeName: "@sightline/core", scopeVersion: PACKAGE_VERSION };

/**
 * What records one foreign model call: attributes and events go through `writer`. With
 * `attributesOnly`, only the cost attributes are written (a Sightline wrapper that attached to the
 * span counts the call itself, but the span ended before it could write them).
 */
export type GenAISpanEnricher = (options: {
  call: ForeignCall;
  writer: Span;
  scopeName?: string;
  attributesOnly?: boolean;
}) => void;

/** A meter provider whose instruments record nothing, for the attributes-only path. */
const NOOP_METER_PROVIDER: MeterProvider = { getMeter: () => createNoopMeter() };

/**
 * Builds the step that gives another tool's model call what a Sightline call gets: the cost
 * attributes and spend counter (core's cost finisher), the drift feed and its events (core's drift
 * finisher), and the semconv client metrics when its own instrumentation records none. One path
 * for cost and drift: the same finishers a wrapped client's operations run through.
 */
export function createGenAISpanEnricher(options: GenAISpanEnrichmentOptions = {}): GenAISpanEnricher {
  const finishers: OperationFinisher[] = [];
  let costFinisher: OperationFinisher | undefined;
  if (options.cost !== false) {
    const registry = (typeof options.cost === "object" && options.cost.registry) || getDefaultPriceRegistry();
    costFinisher = createCostFinisher({ registry });
    // SIGHTLINE_PRICES_URL reaches other tools' spans too, for apps that use the span processor without init().
    const prices = resolvePricesOptions(undefined);
    if (prices) startConfiguredPriceRefresh({ registry, settings: prices });
    finishers.push(costFinisher);
  }
  if (options.drift !== false) {
    const monitor = (typeof options.drift === "object" && options.drift.monitor) || getDefaultDriftMonitor();
    // Content is never read from other tools' spans, so refusals are not judged.
    finishers.push(createDriftFinisher({ monitor, detectRefusal, captureContent: false }));
  }
  const recordMetrics = options.metrics ?? true;
  const getMeterProvider = options.meterProvider
    ? () => options.meterProvider as MeterProvider
    : () => metrics.getMeterProvider();
  return ({ call, writer, scopeName, attributesOnly }) => {
    const meterProvider = attributesOnly ? NOOP_METER_PROVIDER : getMeterProvider();
    const metricAttributes = buildMetricAttributes(call, writer);
    if (
      !attributesOnly &&
      recordMetrics &&
      !(scopeName !== undefined && FOREIGN_METRIC_SCOPES.has(scopeName))
    ) {
      recordClientMetrics({ call, meterProvider, attributes: metricAttributes });
    }
    const finished: FinishedOperation = {
      request: call.request,
      target: call.target,
      response: call.response,
      errorType: call.errorType,
      durationSeconds: call.durationSeconds,
      timeToFirstChunkSeconds: call.timeToFirstChunkSeconds,
      span: writer,
      metricAttributes,
      meterProvider,
      context: {},
    };
    if (attributesOnly) costFinisher?.(finished);
    else for (const finisher of finishers) finisher(finished);
  };
}

function buildMetricAttributes(call: ForeignCall, writer: Span): Attributes {
  const attributes: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: call.request.operation,
    [ATTR_GEN_AI_PROVIDER_NAME]: call.target.provider,
  };
  if (call.request.model !== undefined) attributes[ATTR_GEN_AI_REQUEST_MODEL] = call.request.model;
  if (call.response.model !== undefined) attributes[ATTR_GEN_AI_RESPONSE_MODEL] = call.response.model;
  if (call.target.serverAddress !== undefined) attributes[ATTR_SERVER_ADDRESS] = call.target.serverAddress;
  if (call.target.serverPort !== undefined) attributes[ATTR_SERVER_PORT] = call.target.serverPort;
  if (call.errorType !== undefined) attributes[ATTR_ERROR_TYPE] = call.errorType;
  const feature = (writer as unknown as { attributes?: Attributes }).attributes?.[ATTR_SIGHTLINE_FEATURE];
  if (typeof feature === "string") attributes[ATTR_SIGHTLINE_FEATURE] = feature;
  return attributes;
}

function recordClientMetrics(options: {
  call: ForeignCall;
  meterProvider: MeterProvider;
  attributes: Attributes;
}): void {
  const { call } = options;
  recordCallMetrics({
    instruments: getMetricInstruments({ meterProvider: options.meterProvider, ...ENRICHMENT_SCOPE }),
    attributes: options.attributes,
    durationSeconds: call.durationSeconds,
    usage: call.response.usage,
    timeToFirstChunkSeconds: call.timeToFirstChunkSeconds,
  });
}
