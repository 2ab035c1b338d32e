import type { Attributes } from "@opentelemetry/api";
import type { DriftStreamKey } from "@sightline/drift";
import { getDriftStreamKey } from "./get-drift-stream-key.js";
import type { FinishedOperation } from "./types.js";

interface CachedKey {
  provider: string;
  requestModel: string | undefined;
  responseModel: string | undefined;
  operation: string;
  key: Readonly<DriftStreamKey> | undefined;
}

// One key per metric series: the operation's metric attributes are a cached frozen object per provider, models,
// operation, server, error and context, so the key object (and the monitor's string for it, which it remembers
// per frozen key) is built once per series instead of once per call.
const cachedKeys = new WeakMap<Attributes, CachedKey>();

/**
 * {@link getDriftStreamKey}, frozen and reused while the metric attributes object and the fields the key is
 * built from are the same. Attributes that are not frozen (no cached series) get a fresh key every call.
 */
export function getCachedDriftStreamKey(
  operation: Pick<FinishedOperation, "request" | "target" | "response" | "metricAttributes">,
): Readonly<DriftStreamKey> | undefined {
  const attributes = operation.metricAttributes;
  if (!Object.isFrozen(attributes)) return getDriftStreamKey(operation);
  const provider = operation.target.provider;
  const requestModel = operation.request.model;
  const responseModel = operation.response?.model;
  const operationName = operation.request.operation;
  const cached = cachedKeys.get(attributes);
  // Checked, not assumed: a series' attributes normally pin these fields, but a caller may share the object.
  if (
    cached !== undefined &&
    cached.provider === provider &&
    cached.requestModel === requestModel &&
    cached.responseModel === responseModel &&
    cached.operation === operationName
  ) {
    return cached.key;
  }
  const built = getDriftStreamKey(operation);
  const key = built === undefined ? undefined : Object.freeze(built);
  cachedKeys.set(attributes, {
    provider,
    requestModel,
    responseModel,
    operation: operationName,
    key,
  });
  return key;
}
