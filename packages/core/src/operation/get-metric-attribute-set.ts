import type { Attributes } from "@opentelemetry/api";
import { getSeriesKey } from "../metrics/metric-series.js";
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from "../semconv.js";
import type { GenAIRequest, GenAITarget } from "./operation-shapes.js";

/** One operation's metric attributes, shared (frozen) by every call with the same values, and their series key. */
export interface MetricAttributeSet {
  readonly attributes: Readonly<Attributes>;
  /** getSeriesKey(attributes), for Sightline's own aggregation. */
  readonly key: string;
}

/** Sets kept per cache before it starts over: about the SDK's cardinality limit. */
const MAX_CACHED_SETS = 2000;
const NONE = "\u0000";
const withoutContext = new Map<string, MetricAttributeSet>();
/** `withContext` values resolve to one frozen attributes object per scope: their sets are cached beside it. */
const byContext = new WeakMap<Attributes, Map<string, MetricAttributeSet>>();

/**
 * The low-cardinality attributes of an operation's metrics, built once per combination of operation,
 * provider, models, server, error type and `withContext` values and reused after: a finished call
 * costs one short lookup instead of a new attributes object (and a new series key) each time.
 */
export function getMetricAttributeSet(options: {
  request: GenAIRequest;
  target: GenAITarget;
  responseModel: unknown;
  errorType: string | undefined;
  contextAttributes: Attributes | undefined;
}): MetricAttributeSet {
  const { request, target, errorType, contextAttributes } = options;
  const responseModel = typeof options.responseModel === "string" ? options.responseModel : undefined;
  const lookup = `${request.operation}\u0001${target.provider}\u0001${request.model ?? NONE}\u0001${responseModel ?? NONE}\u0001${target.serverAddress ?? NONE}\u0001${target.serverPort ?? NONE}\u0001${errorType ?? NONE}`;
  let cache = withoutContext;
  if (contextAttributes !== undefined) {
    let forContext = byContext.get(contextAttributes);
    if (forContext === undefined) {
      forContext = new Map();
      byContext.set(contextAttributes, forContext);
    }
    cache = forContext;
  }
  const cached = cache.get(lookup);
  if (cached !== undefined) return cached;
  const attributes: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: request.operation,
    [ATTR_GEN_AI_PROVIDER_NAME]: target.provider,
  };
  if (request.model !== undefined) attributes[ATTR_GEN_AI_REQUEST_MODEL] = request.model;
  if (responseModel !== undefined) attributes[ATTR_GEN_AI_RESPONSE_MODEL] = responseModel;
  if (target.serverAddress !== undefined) attributes[ATTR_SERVER_ADDRESS] = target.serverAddress;
  if (target.serverPort !== undefined) attributes[ATTR_SERVER_PORT] = target.serverPort;
  if (errorType !== undefined) attributes[ATTR_ERROR_TYPE] = errorType;
  if (contextAttributes) Object.assign(attributes, contextAttributes);
  const set: MetricAttributeSet = { attributes: Object.freeze(attributes), key: getSeriesKey(attributes) };
  if (cache.size >= MAX_CACHED_SETS) cache.clear();
  cache.set(lookup, set);
  return set;
}
