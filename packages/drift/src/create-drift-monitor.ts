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
  ResolvedDriftOptions,
  ScalarSignalState,
  StreamState,
} from "./internal-types.js";
import { resolveDriftOptions } from "./resolve-drift-options.js";
import type {
  DriftMonitor,
  DriftMonitorOptions,
  DriftScore,
  DriftState,
  DriftStreamKey,
  DriftStreamState,
  DriftVerdict,
} from "./types.js";

// Unit and record separators cannot collide with ordinary names; a missing feature differs from an empty one.
function toKeyString(key: DriftStreamKey): string {
  const feature = key.feature === undefined ? "\u001e" : `\u001f${key.feature}`;
  return `${key.provider}\u001f${key.model}\u001f${key.operation}${feature}`;
}

function copyKey(key: DriftStreamKey): DriftStreamKey {
  const copy: DriftStreamKey = { provider: key.provider, model: key.model, operation: key.operation };
  if (key.feature !== undefined) copy.feature = key.feature;
  return copy;
}

function createStream(key: DriftStreamKey): StreamState {
  return {
    key: copyKey(key),
    identity: { responseModels: [], systemFingerprints: [], observations: 0 },
    scalars: new Map(),
    categories: new Map(),
  };
}

function getSignal<T>(
  signals: Map<string, T>,
  options: { name: string; limit: number; create: () => T },
): T | undefined {
  const existing = signals.get(options.name);
  if (existing !== undefined) return existing;
  if (signals.size >= options.limit) return undefined;
  const created = options.create();
  signals.set(options.name, created);
  return created;
}

function serializeStream(stream: StreamState): DriftStreamState {
  return {
    key: stream.key,
    identity: stream.identity,
    scalars: Object.fromEntries(stream.scalars),
    categories: Object.fromEntries(stream.categories),
  };
}

function deserializeStream(state: DriftStreamState): StreamState {
  const copy = cloneState(state);
  return {
    key: copyKey(copy.key),
    identity: {
      responseModels: [...copy.identity.responseModels],
      systemFingerprints: [...copy.identity.systemFingerprints],
      observations: copy.identity.observations,
    },
    scalars: new Map(Object.entries(copy.scalars) as [string, ScalarSignalState][]),
    categories: new Map(Object.entries(copy.categories) as [string, CategoricalSignalState][]),
  };
}

function observeStream(
  stream: StreamState,
  options: { observation: Parameters<DriftMonitor["observe"]>[0]; settings: ResolvedDriftOptions },
): DriftVerdict[] {
  const { observation, settings } = options;
  const verdicts: DriftVerdict[] = [];
  const timed =
    settings.windowMilliseconds !== undefined || settings.seasonalPeriodMilliseconds !== undefined;
  const timestamp = timed ? (observation.timestamp ?? Date.now()) : 0;
  const identity = observation.identity;
  const identityVerdicts = checkIdentity(stream.identity, {
    responseModel: identity?.responseModel,
    systemFingerprint: identity?.systemFingerprint,
    memory: settings.identityMemory,
  });
  for (const verdict of identityVerdicts) verdicts.push({ ...verdict, key: copyKey(stream.key) });
  const scalars = observation.scalars ?? {};
  for (const name in scalars) {
    const value = scalars[name];
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    const signal = getSignal(stream.scalars, {
      name,
      limit: settings.maxSignalsPerKey,
      create: createScalarSignal,
    });
    if (signal === undefined) continue;
    for (const verdict of observeScalarSignal(signal, { value, timestamp, settings, signal: name })) {
      verdicts.push({ ...verdict, key: copyKey(stream.key), signal: name });
    }
  }
  const categories = observation.categories ?? {};
  for (const name in categories) {
    const category = categories[name];
    if (typeof category !== "string") continue;
    const signal = getSignal(stream.categories, {
      name,
      limit: settings.maxSignalsPerKey,
      create: createCategoricalSignal,
    });
    if (signal === undefined) continue;
    for (const verdict of observeCategoricalSignal(signal, { category, timestamp, settings, signal: name })) {
      verdicts.push({ ...verdict, key: copyKey(stream.key), signal: name });
    }
  }
  return verdicts;
}

/**
 * Creates an in-process drift monitor: per stream key, a frozen reference per signal, a sequential mean
 * detector (CUSUM or Page-Hinkley) and a binned distance (PSI) per scalar, a Jensen-Shannon distance per
 * category signal, and an identity check. Memory is bounded by `maxKeys × maxSignalsPerKey` signals of
 * O(bins) or O(top categories) each, plus the warm-up buffer of `referenceSize` numbers while a reference forms.
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
  // Insertion order doubles as recency order: a key is re-inserted on every observation (LRU).
  let streams = new Map<string, StreamState>();
  let mostRecentKey: string | undefined;

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
    streams = restored;
    mostRecentKey = [...restored.keys()].at(-1);
  };

  if (options.initialState !== undefined) restore(options.initialState);

  return {
    observe(observation) {
      const keyString = toKeyString(observation.key);
      let stream = streams.get(keyString);
      if (stream === undefined) {
        stream = createStream(observation.key);
        streams.set(keyString, stream);
      } else if (keyString !== mostRecentKey) {
        streams.delete(keyString);
        streams.set(keyString, stream);
      }
      mostRecentKey = keyString;
      if (streams.size > settings.maxKeys) {
        const oldest = streams.keys().next().value as string;
        streams.delete(oldest);
      }
      return observeStream(stream, { observation, settings });
    },
    scores() {
      const scores: DriftScore[] = [];
      for (const stream of streams.values()) {
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
      const state: DriftState = { version: 1, streams: [...streams.values()].map(serializeStream) };
      return JSON.parse(JSON.stringify(state)) as DriftState;
    },
    restore,
    rebaseline(key) {
      const target = key === undefined ? undefined : toKeyString(key);
      for (const [keyString, stream] of streams) {
        if (target !== undefined && keyString !== target) continue;
        for (const name of stream.scalars.keys()) stream.scalars.set(name, createScalarSignal());
        for (const name of stream.categories.keys()) stream.categories.set(name, createCategoricalSignal());
      }
    },
  };
}
