import type { BudgetStore } from "./types.js";

/** Expired entries are swept after this many writes, so memory follows the live windows only. */
const SWEEP_EVERY_WRITES = 1024;

/**
 * The default budget store: a Map in this process. Spend is per process, so with N replicas each
 * enforces its own copy of every limit; use a shared store for a fleet-wide limit.
 */
export function createMemoryBudgetStore(options: { now?: () => number } = {}): BudgetStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { amount: number; expiresAt: number }>();
  let writes = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      return entry && entry.expiresAt > now() ? entry.amount : 0;
    },
    add(key, amount, expiresAt) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        entry.amount += amount;
        entry.expiresAt = Math.max(entry.expiresAt, expiresAt);
      } else {
        entries.set(key, { amount, expiresAt });
      }
      if (++writes % SWEEP_EVERY_WRITES === 0) {
        const time = now();
        for (const [storedKey, stored] of entries) if (stored.expiresAt <= time) entries.delete(storedKey);
      }
    },
  };
}
