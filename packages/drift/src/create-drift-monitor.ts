import { createFingerprintPool } from "./check-fingerprint-pool.js";
import { checkIdentity } from "./check-identity.js";
import { cloneState } from "./clone-state.js";
import {
  createCategoricalSignal,
  getCategoricalScores,
  observeCategoricalSignal,
} from "./create-categorical-signal.js";
import { createScalarSignal, getScalarScores, observeScalarSignal } from "./create-scalar-signal.js";
import type {
  CategoricalSignalState,
  FingerprintPoolState,
  ResolvedDriftOptions,
  ScalarSignalState,
  SignalVerdict,
  StreamState,
} from "./internal-types.js";
import { resolveDriftOptions } from "./resolve-drift-options.js";
import { copyKey, type StreamTable, selectStream, toKeyString } from "./select-stream.js";
import type {
  DriftMonitor,
  DriftMonitorOptions,
  DriftScore,
  DriftState,
  DriftStreamKey,
  DriftStreamState,
  DriftVerdict,
} from "./types.js";

// A signal's state, created on first use while the key has room for another signal. Plain parameters, not an
// options object with a factory closure: it runs for every signal of every call.
function getSignal<T>(signals: Map<string, T>, name: string, limit: number, create: () => T): T | undefined {
  const existing = signals.get(name);
  if (existing !== undefined) return existing;
  if (signals.size >= limit) return undefined;
  const created = create();
  signals.set(name, created);
  return created;
}

function serializeStream(stream: StreamState): DriftStreamState {
  return {
    key: stream.key,
    lastObserved: stream.lastObserved,
    identity: {
      responseModels: stream.identity.responseModels,
      systemFingerprints: Object.keys(stream.identity.fingerprintPool.counts),
      observations: stream.identity.observations,
      fingerprintPool: stream.identity.fingerprintPool,
    },
    scalars: Object.fromEntries(stream.scalars),
    categories: Object.fromEntries(stream.categories),
  };
}

// Snapshots from before fingerprint pools hold only the remembered values: they become a learned pool.
function restoreFingerprintPool(identity: DriftStreamState["identity"]): FingerprintPoolState {
  const saved = identity.fingerprintPool as FingerprintPoolState | undefined;
  if (saved !== undefined && typeof saved === "object" && saved !== null && "phase" in saved) {
    return { ...createFingerprintPool(), ...saved, unfamiliar: [...(saved.unfamiliar ?? [])] };
  }
  const pool = createFingerprintPool();
  for (const fingerprint of identity.systemFingerprints ?? []) pool.counts[fingerprint] = 2;
  pool.total = 2 * Object.keys(pool.counts).length;
  if (pool.total > 0) pool.phase = "monitoring";
  pool.last = identity.systemFingerprints?.at(-1);
  return pool;
}

function deserializeStream(state: DriftStreamState): StreamState {
  const copy = cloneState(state);
  return {
    key: copyKey(copy.key),
    lastObserved: typeof copy.lastObserved === "number" ? copy.lastObserved : 0,
    identity: {
      responseModels: [...copy.identity.responseModels],
      fingerprintPool: restoreFingerprintPool(copy.identity),
      observations: copy.identity.observations,
    },
    scalars: new Map(Object.entries(copy.scalars) as [string, ScalarSignalState][]),
    categories: new Map(Object.entries(copy.categories) as [string, CategoricalSignalState][]),
  };
}

// The fingerprint mix is a categorical signal like any other: a pool whose shares shift (one backend taking
// most of the traffic) is a drift of `system_fingerprint`. A new pool already raised a model change, so the
// mix starts a new reference instead of reporting the same change again a window later.
function observeFingerprintMix(
  stream: StreamState,
  options: {
    fingerprint: string | undefined;
    newPool: boolean;
    timestamp: number;
    mixSettings: ResolvedDriftOptions;
    verdicts: DriftVerdict[] | undefined;
  },
): DriftVerdict[] | undefined {
  const { fingerprint, mixSettings: settings } = options;
  let verdicts = options.verdicts;
  if (fingerprint === undefined || fingerprint === "") return verdicts;
  if (stream.identity.fingerprintPool.phase === "unbounded") {
    // Values that never repeat have no mix worth comparing; drop what the signal collected while learning.
    stream.categories.delete("system_fingerprint");
    return verdicts;
  }
  if (options.newPool) stream.categories.delete("system_fingerprint");
  const signal = getSignal(
    stream.categories,
    "system_fingerprint",
    settings.maxSignalsPerKey,
    createCategoricalSignal,
  );
  if (signal === undefined) return verdicts;
  const mixVerdicts = observeCategoricalSignal(signal, {
    category: fingerprint,
    timestamp: options.timestamp,
    settings,
  });
  for (const verdict of mixVerdicts) {
    verdicts ??= [];
    verdicts.push({ ...verdict, key: copyKey(stream.key), signal: "system_fingerprint" });
  }
  return verdicts;
}

// Kept out of the per-signal loop (no iterator over an empty result): only a raised verdict gets here.
function appendVerdicts(
  verdicts: DriftVerdict[] | undefined,
  options: { raised: readonly SignalVerdict[]; key: DriftStreamKey; signal: string },
): DriftVerdict[] {
  const appended = verdicts ?? [];
  for (const verdict of options.raised)
    appended.push({ ...verdict, key: copyKey(options.key), signal: options.signal });
  return appended;
}

function observeStream(
  stream: StreamState,
  options: {
    observation: Parameters<DriftMonitor["observe"]>[0];
    settings: ResolvedDriftOptions;
    mixSettings: ResolvedDriftOptions;
  },
): DriftVerdict[] {
  const { observation, settings } = options;
  // Allocated only when some signal raises a verdict: almost every call raises none.
  let verdicts: DriftVerdict[] | undefined;
  const timed =
    settings.windowMilliseconds !== undefined || settings.seasonalPeriodMilliseconds !== undefined;
  const timestamp = timed ? (observation.timestamp ?? Date.now()) : 0;
  const identity = observation.identity;
  const identityVerdicts = checkIdentity(stream.identity, {
    responseModel: identity?.responseModel,
    systemFingerprint: identity?.systemFingerprint,
    memory: settings.identityMemory,
    poolCapacity: settings.fingerprintPoolSize,
  });
  let newPool = false;
  for (const verdict of identityVerdicts) {
    verdicts ??= [];
    verdicts.push({ ...verdict, key: copyKey(stream.key) });
    if (verdict.signal === "system_fingerprint") newPool = true;
  }
  verdicts = observeFingerprintMix(stream, {
    fingerprint: identity?.systemFingerprint,
    newPool,
    timestamp,
    mixSettings: options.mixSettings,
    verdicts,
  });
  const scalars = observation.scalars;
  if (scalars !== undefined && scalars !== null) {
    for (const name in scalars) {
      const value = scalars[name];
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      const signal = getSignal(stream.scalars, name, settings.maxSignalsPerKey, createScalarSignal);
      if (signal === undefined) continue;
      const raised = observeScalarSignal(signal, { value, timestamp, settings, signal: name });
      if (raised.length > 0) verdicts = appendVerdicts(verdicts, { raised, key: stream.key, signal: name });
    }
  }
  const categories = observation.categories;
  if (categories !== undefined && categories !== null) {
    for (const name in categories) {
      const category = categories[name];
      if (typeof category !== "string") continue;
      const signal = getSignal(stream.categories, name, settings.maxSignalsPerKey, createCategoricalSignal);
      if (signal === undefined) continue;
      const raised = observeCategoricalSignal(signal, { category, timestamp, settings, signal: name });
      if (raised.length > 0) verdicts = appendVerdicts(verdicts, { raised, key: stream.key, signal: name });
    }
  }
  return verdicts ?? [];
}

/**
 * Creates an in-process drift monitor: per stream key, a frozen reference per signal, a sequential mean
 * detector (CUSUM or Page-Hinkley) and a binned distance (PSI) per scalar, a Jensen-Shannon distance per
 * category signal, and an identity check (new response models; new fingerprint pools, with the pool's mix as a
 * categorical signal). Memory is bounded by `maxKeys × maxSignalsPerKey` signals of O(bins) or O(top
 * categories) each, a fingerprint pool of `fingerprintPoolSize` per stream, plus the warm-up buffer of
 * `referenceSize` numbers while a reference forms. Keys beyond `maxKeys` roll into their parent stream.
 *
 * @example
 * const monitor = createDriftMonitor();
 * const verdicts = monitor.observe({
 *   key: { provider: "openai", model: "gpt-4o", operation: "chat" },
 *   scalars: { output_tokens: 412, duration: 1.8 },
 *   categories: { finish_reason: "stop" },
 *   identity: { responseModel: "gpt-4o-2024-08-06", systemFingerprint: "fp_1" },
 * });
 */
export function createDriftMonitor(options: DriftMonitorOptions = {}): DriftMonitor {
  const settings = resolveDriftOptions(options);
  // Every member of a fingerprint pool is its own category (up to the pool bound), so a pool larger than
  // `topCategories` is not split differently by each window.
  const mixSettings: ResolvedDriftOptions = {
    ...settings,
    topCategories: Math.max(settings.topCategories, settings.fingerprintPoolSize),
  };
  let table: StreamTable = {
    streams: new Map(),
    mostRecentKey: undefined,
    observations: 0,
    rolledUpCalls: 0,
    unmonitoredCalls: 0,
  };

  const restore = (state: DriftState): void => {
    if (state?.version !== 1 || !Array.isArray(state.streams)) {
      throw new TypeError("@sightline/drift: restore() expects a snapshot with version 1");
    }
    const restored = new Map<string, StreamState>();
    for (const streamState of state.streams) {
      const stream = deserializeStream(streamState);
      restored.set(toKeyString(stream.key), stream);
    }
    while (restored.size > settings.maxKeys) {
      const oldest = restored.keys().next().value as string;
      restored.delete(oldest);
    }
    const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
    table = {
      streams: restored,
      mostRecentKey: [...restored.keys()].at(-1),
      observations: count(state.observations),
      rolledUpCalls: count(state.rolledUpCalls),
      unmonitoredCalls: count(state.unmonitoredCalls),
    };
  };

  if (options.initialState !== undefined) restore(options.initialState);

  return {
    observe(observation) {
      const stream = selectStream(table, { key: observation.key, maxKeys: settings.maxKeys });
      if (stream === undefined) return [];
      return observeStream(stream, { observation, settings, mixSettings });
    },
    stats() {
      return {
        streams: table.streams.size,
        maxKeys: settings.maxKeys,
        rolledUpCalls: table.rolledUpCalls,
        unmonitoredCalls: table.unmonitoredCalls,
      };
    },
    scores() {
      const scores: DriftScore[] = [];
      for (const stream of table.streams.values()) {
        for (const [signal, state] of stream.scalars) {
          for (const score of getScalarScores(state))
            scores.push({ ...score, key: copyKey(stream.key), signal });
        }
        for (const [signal, state] of stream.categories) {
          for (const score of getCategoricalScores(state))
            scores.push({ ...score, key: copyKey(stream.key), signal });
        }
      }
      return scores;
    },
    snapshot() {
      const state: DriftState = {
        version: 1,
        streams: [...table.streams.values()].map(serializeStream),
        observations: table.observations,
        rolledUpCalls: table.rolledUpCalls,
        unmonitoredCalls: table.unmonitoredCalls,
      };
      return JSON.parse(JSON.stringify(state)) as DriftState;
    },
    restore,
    rebaseline(key) {
      const target = key === undefined ? undefined : toKeyString(key);
      for (const [keyString, stream] of table.streams) {
        if (target !== undefined && keyString !== target) continue;
        for (const name of stream.scalars.keys()) stream.scalars.set(name, createScalarSignal());
        for (const name of stream.categories.keys()) stream.categories.set(name, createCategoricalSignal());
      }
    },
  };
}
