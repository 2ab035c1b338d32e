import { createCountMap } from "./create-count-map.js";
import type { FingerprintPoolState, SignalVerdict } from "./internal-types.js";

// A pool is learned once it has this many observations, this many per distinct value, and looks complete (see
// UNSEEN_SHARE_LIMIT). Ten per value leaves a member of a uniform pool unmet with a chance of about K·e^-10.
const LEARNING_MINIMUM = 20;
const LEARNING_PER_VALUE = 10;
// Good–Turing: the share of observations whose fingerprint was seen only once estimates how much of the pool
// is still unseen. Below 1%, a fingerprint that shows up later is most likely new, not a member not yet met.
const UNSEEN_SHARE_LIMIT = 0.01;
// A new pool is declared when this many of the last NOVELTY_WINDOW fingerprint observations were unfamiliar;
// a single stray member of the old pool (missed while learning) rarely recurs that fast and is adopted.
const NOVELTY_SIGHTINGS = 3;
const NOVELTY_WINDOW = 20;

/** A fresh pool, learning. */
export function createFingerprintPool(): FingerprintPoolState {
  return {
    phase: "learning",
    counts: createCountMap(),
    total: 0,
    seen: 0,
    probation: createCountMap(),
    unfamiliar: [],
  };
}

function countSingletons(counts: Readonly<Record<string, number>>): number {
  let singletons = 0;
  for (const name in counts) if (counts[name] === 1) singletons += 1;
  return singletons;
}

function learn(pool: FingerprintPoolState, options: { fingerprint: string; capacity: number }): void {
  const { fingerprint, capacity } = options;
  if (pool.counts[fingerprint] === undefined && Object.keys(pool.counts).length >= capacity) {
    // More distinct values than a pool can hold (an id per call, say): nothing here identifies a backend.
    pool.phase = "unbounded";
    pool.counts = createCountMap();
    pool.total = 0;
    return;
  }
  pool.counts[fingerprint] = (pool.counts[fingerprint] ?? 0) + 1;
  pool.total += 1;
  pool.last = fingerprint;
  const distinct = Object.keys(pool.counts).length;
  if (
    pool.total >= Math.max(LEARNING_MINIMUM, LEARNING_PER_VALUE * distinct) &&
    countSingletons(pool.counts) <= UNSEEN_SHARE_LIMIT * pool.total
  ) {
    pool.phase = "monitoring";
  }
}

function adopt(pool: FingerprintPoolState, options: { fingerprint: string; capacity: number }): void {
  if (Object.keys(pool.counts).length >= options.capacity) {
    let rarest: string | undefined;
    for (const name in pool.counts) {
      if (rarest === undefined || (pool.counts[name] as number) < (pool.counts[rarest] as number))
        rarest = name;
    }
    if (rarest !== undefined) delete pool.counts[rarest];
  }
  pool.counts[options.fingerprint] = 1;
}

function expire(pool: FingerprintPoolState, capacity: number): void {
  const horizon = pool.seen - NOVELTY_WINDOW;
  while (pool.unfamiliar.length > 0 && (pool.unfamiliar[0] as number) <= horizon) pool.unfamiliar.shift();
  for (const name in pool.probation) {
    if ((pool.probation[name] as number) > horizon) continue;
    delete pool.probation[name];
    adopt(pool, { fingerprint: name, capacity });
  }
}

/**
 * Feeds one system fingerprint to a stream's pool. While learning, every value joins the pool silently (so a
 * process start reports nothing, whatever the pool size); once the pool looks complete, a fingerprint outside it
 * is unfamiliar, and {@link NOVELTY_SIGHTINGS} unfamiliar observations within {@link NOVELTY_WINDOW} mean a new
 * pool: one `model_change` verdict, after which the pool is learned afresh. A lone newcomer that does not recur
 * joins the pool quietly. Memory: at most `capacity` learned and `capacity` candidate values.
 */
export function checkFingerprintPool(
  pool: FingerprintPoolState,
  input: { fingerprint: string; capacity: number },
): SignalVerdict | undefined {
  const { fingerprint, capacity } = input;
  pool.seen += 1;
  if (pool.phase === "unbounded") return undefined;
  if (pool.phase === "learning") {
    learn(pool, { fingerprint, capacity });
    return undefined;
  }
  expire(pool, capacity);
  const known = pool.counts[fingerprint];
  if (known !== undefined) {
    pool.counts[fingerprint] = known + 1;
    pool.total += 1;
    pool.last = fingerprint;
    return undefined;
  }
  if (pool.probation[fingerprint] === undefined && Object.keys(pool.probation).length < capacity) {
    pool.probation[fingerprint] = pool.seen;
  }
  pool.unfamiliar.push(pool.seen);
  if (pool.unfamiliar.length < NOVELTY_SIGHTINGS) return undefined;
  const verdict: SignalVerdict = {
    kind: "model_change",
    detector: "identity",
    statistic: pool.unfamiliar.length,
    threshold: NOVELTY_SIGHTINGS,
    score: pool.unfamiliar.length / NOVELTY_SIGHTINGS,
    reference: { count: pool.total },
    current: { count: NOVELTY_WINDOW },
    ...(pool.last !== undefined ? { previous: pool.last } : {}),
    next: fingerprint,
  };
  // The new pool is learned from here on; its first member is the one that completed the evidence.
  Object.assign(pool, createFingerprintPool(), { seen: pool.seen });
  learn(pool, { fingerprint, capacity });
  return verdict;
}
