import { createFingerprintPool } from "./check-fingerprint-pool.js";
import type { StreamState } from "./internal-types.js";
import type { DriftStreamKey } from "./types.js";

// A stream not observed for this many times `maxKeys` monitor observations gives its slot to a new key. Under
// round-robin traffic over more keys than the bound, every monitored key is seen far more often than that,
// so monitored streams keep their slots instead of evicting each other before any reference completes.
const IDLE_FACTOR = 8;

/** The monitor's streams and what the key bound did. */
export interface StreamTable {
  /** Insertion order is recency order: a stream is re-inserted when observed. */
  streams: Map<string, StreamState>;
  mostRecentKey: string | undefined;
  observations: number;
  rolledUpCalls: number;
  unmonitoredCalls: number;
}

/** A stream key as one string. Unit and record separators cannot collide with ordinary names. */
export function toKeyString(key: DriftStreamKey): string {
  const feature = key.feature === undefined ? "\u001e" : `\u001f${key.feature}`;
  return `${key.provider}\u001f${key.model}\u001f${key.operation}${feature}`;
}

// Key strings of frozen keys, which cannot change: a caller that passes the same frozen key object on every call
// (core's drift finisher caches one per metric series) saves building and hashing a fresh string per call.
const frozenKeyStrings = new WeakMap<DriftStreamKey, string>();

/** {@link toKeyString}, remembered per frozen key object. */
export function getKeyString(key: DriftStreamKey): string {
  if (!Object.isFrozen(key)) return toKeyString(key);
  let keyString = frozenKeyStrings.get(key);
  if (keyString === undefined) {
    keyString = toKeyString(key);
    frozenKeyStrings.set(key, keyString);
  }
  return keyString;
}

/** A copy of a key with only its own fields. */
export function copyKey(key: DriftStreamKey): DriftStreamKey {
  const copy: DriftStreamKey = { provider: key.provider, model: key.model, operation: key.operation };
  if (key.feature !== undefined) copy.feature = key.feature;
  return copy;
}

/** A fresh stream for a key. */
export function createStream(key: DriftStreamKey): StreamState {
  return {
    key: copyKey(key),
    lastObserved: 0,
    identity: { responseModels: [], fingerprintPool: createFingerprintPool(), observations: 0 },
    scalars: new Map(),
    categories: new Map(),
  };
}

function touch(table: StreamTable, options: { keyString: string; stream: StreamState }): StreamState {
  const { keyString, stream } = options;
  if (keyString !== table.mostRecentKey) {
    table.streams.delete(keyString);
    table.streams.set(keyString, stream);
    table.mostRecentKey = keyString;
  }
  stream.lastObserved = table.observations;
  return stream;
}

function insert(table: StreamTable, options: { keyString: string; key: DriftStreamKey }): StreamState {
  const stream = createStream(options.key);
  table.streams.set(options.keyString, stream);
  return touch(table, { keyString: options.keyString, stream });
}

function evictLeastRecent(table: StreamTable, options: { onlyIdle: boolean; maxKeys: number }): boolean {
  const oldest = table.streams.entries().next().value as [string, StreamState] | undefined;
  if (oldest === undefined) return false;
  if (options.onlyIdle && table.observations - oldest[1].lastObserved <= IDLE_FACTOR * options.maxKeys) {
    return false;
  }
  table.streams.delete(oldest[0]);
  return true;
}

/**
 * The stream an observation of `key` feeds, under the key bound: its own stream when it has one or a slot is
 * free (or idle); otherwise, for a key with a feature, its parent stream (the key without the feature), which
 * takes the least recently observed slot if it does not exist yet; otherwise none (the call is counted as
 * unmonitored). Memory stays at `maxKeys` streams whatever the number of keys.
 */
export function selectStream(
  table: StreamTable,
  options: { key: DriftStreamKey; maxKeys: number },
): StreamState | undefined {
  const { key, maxKeys } = options;
  table.observations += 1;
  const keyString = getKeyString(key);
  const existing = table.streams.get(keyString);
  if (existing !== undefined) return touch(table, { keyString, stream: existing });
  if (table.streams.size < maxKeys || evictLeastRecent(table, { onlyIdle: true, maxKeys })) {
    return insert(table, { keyString, key });
  }
  if (key.feature === undefined) {
    table.unmonitoredCalls += 1;
    return undefined;
  }
  table.rolledUpCalls += 1;
  const parentKey: DriftStreamKey = { provider: key.provider, model: key.model, operation: key.operation };
  const parentString = toKeyString(parentKey);
  const parent = table.streams.get(parentString);
  if (parent !== undefined) return touch(table, { keyString: parentString, stream: parent });
  evictLeastRecent(table, { onlyIdle: false, maxKeys });
  return insert(table, { keyString: parentString, key: parentKey });
}
