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

/** One level of the nested lookup: keyed by one value of the call (a string, a port, or undefined when absent). */
type CacheKey = string | number | undefined;
type CacheLevel = Map<CacheKey, CacheLevel | MetricAttributeSet>;

/** Sets by operation, provider, request model, response model, server address, port and error type, in that order. */
interface SetCache {
  root: CacheLevel;
  size: number;
}

const withoutContext: SetCache = { root: new Map(), size: 0 };
/** `withContext` values resolve to one frozen attributes object per scope: their sets are cached beside it. */
const byContext = new WeakMap<Attributes, SetCache>();

/**
 * The low-cardinality attributes of an operation's metrics, built once per combination of operation,
 * provider, models, server, error type and `withContext` values and reused after. The lookup walks nested maps
 * keyed by the call's own values, whose hashes the strings already carry: a finished call allocates nothing here,
 * where joining the values into one key string cost a new string to build and hash on every call.
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
  let cache = withoutContext;
  if (contextAttributes !== undefined) {
    let forContext = byContext.get(contextAttributes);
    if (forContext === undefined) {
      forContext = { root: new Map(), size: 0 };
      byContext.set(contextAttributes, forContext);
    }
    cache = forContext;
  }
  // Written out rather than looped over an array of the keys: nothing is allocated on this path.
  const leaf = child(
    child(
      child(
        child(child(child(cache.root, request.operation), target.provider), request.model),
        responseModel,
      ),
      target.serverAddress,
    ),
    target.serverPort,
  );
  const cached = leaf?.get(errorType) as MetricAttributeSet | undefined;
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
  storeSet(
    cache,
    [
      request.operation,
      target.provider,
      request.model,
      responseModel,
      target.serverAddress,
      target.serverPort,
      errorType,
    ],
    set,
  );
  return set;
}

function child(level: CacheLevel | undefined, key: CacheKey): CacheLevel | undefined {
  return level?.get(key) as CacheLevel | undefined;
}

function storeSet(cache: SetCache, keys: readonly CacheKey[], set: MetricAttributeSet): void {
  if (cache.size >= MAX_CACHED_SETS) {
    cache.root = new Map();
    cache.size = 0;
  }
  let level = cache.root;
  for (let index = 0; index < keys.length - 1; index++) {
    let next = level.get(keys[index]) as CacheLevel | undefined;
    if (next === undefined) {
      next = new Map();
      level.set(keys[index], next);
    }
    level = next;
  }
  level.set(keys[keys.length - 1], set);
  cache.size += 1;
}
