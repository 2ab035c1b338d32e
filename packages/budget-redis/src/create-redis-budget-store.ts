import { diag } from "@opentelemetry/api";
import { createRedisCommands } from "./create-redis-commands.js";
import type { RedisBudgetStore, RedisBudgetStoreOptions, RedisBudgetStoreStats } from "./types.js";
import { withTimeout } from "./with-timeout.js";

const DEFAULTS = {
  keyPrefix: "",
  commandTimeoutMs: 250,
  refreshIntervalMs: 1000,
  staleAfterMs: 5000,
  maxTrackedKeys: 10_000,
  maxBufferedKeys: 10_000,
  idleRefreshes: 60,
};
/** Keys per MGET, so one refresh never builds a huge command. */
const READ_CHUNK = 500;
const LOG_PREFIX = "@sightline/budget-redis:";

interface CachedSpend {
  /** The fleet total last read from Redis plus this process's adds since (never decreases). */
  value: number;
  /** The refresh count when the key was last read or added to, for forgetting idle keys. */
  seenAt: number;
}

/** Spend of one key not yet confirmed by Redis. */
interface PendingSpend {
  /** Added since the last write was sent. */
  buffered: number;
  /** The latest window end seen for the key (epoch ms). */
  expiresAt: number;
  /** A write sent but not confirmed (failed or timed out); resent as is, with its sequence, until Redis confirms it. */
  unconfirmed?: { sequence: number; amount: number; expiresAt: number };
}

/**
 * A budget store shared by every replica through Redis, so a fleet enforces one budget. Spend is
 * added atomically (`INCRBYFLOAT` + `PEXPIREAT` in one script); `get` answers synchronously from a
 * local cache that this process's adds raise at once and that every reply and a periodic `MGET`
 * raise to the fleet total. Nothing waits on Redis on the call path: adds are summed per key and
 * written in the background, every command has a timeout, and spend that cannot be written is
 * buffered (bounded) and retried until Redis answers again.
 * @example
 * const redis = new Redis(process.env.REDIS_URL, { enableOfflineQueue: false });
 * const store = createRedisBudgetStore({ client: redis });
 * const governance = createGovernance({ mode: "enforce", store, budgets: [{ name: "fleet-daily", limit: 1_000_000, unit: "tokens", window: { type: "fixed", size: "day" } }] });
 */
export function createRedisBudgetStore(options: RedisBudgetStoreOptions): RedisBudgetStore {
  const settings = resolveOptions(options);
  const commands = createRedisCommands(options.client);
  const cache = new Map<string, CachedSpend>();
  const pending = new Map<string, PendingSpend>();
  /** This store's writer id: with the sequence, lets Redis apply a retried write once only. */
  const writer = globalThis.crypto.randomUUID();
  let sequence = 0;
  let refreshCount = 0;
  let flushing: Promise<void> | undefined;
  let flushScheduled = false;
  let refreshing: Promise<void> | undefined;
  let failingSince: number | undefined;
  let retryAt = 0;
  let droppedAdds = 0;
  let droppedAmount = 0;
  let failedCommands = 0;

  /** Runs a command with the timeout; a client that throws synchronously becomes a rejection. */
  const run = <T>(command: () => Promise<T>): Promise<T> => {
    try {
      return withTimeout(command(), settings.commandTimeoutMs);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  const succeeded = () => {
    if (failingSince !== undefined) {
      diag.warn(
        `${LOG_PREFIX} Redis answers again after ${Date.now() - failingSince} ms; buffered spend is being written`,
      );
      failingSince = undefined;
    }
  };

  const failed = (error: unknown) => {
    failedCommands++;
    if (failingSince === undefined) {
      failingSince = Date.now();
      diag.warn(
        `${LOG_PREFIX} Redis command failed (${error instanceof Error ? error.message : String(error)}); ` +
          `spend is buffered and retried, budgets use the last known spend and after ${settings.staleAfterMs} ms follow whenStoreUnavailable`,
      );
    }
    // Half an interval, so the next refresh tick retries.
    retryAt = Date.now() + settings.refreshIntervalMs / 2;
  };

  const track = (key: string): CachedSpend => {
    let entry = cache.get(key);
    if (entry === undefined) {
      if (cache.size >= settings.maxTrackedKeys) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      entry = { value: 0, seenAt: refreshCount };
      cache.set(key, entry);
    }
    entry.seenAt = refreshCount;
    return entry;
  };

  /** Raises a key's cached spend to the fleet total Redis reported plus what is still buffered here. */
  const learn = (key: string, total: number) => {
    const entry = cache.get(key);
    if (entry === undefined) return;
    const unsent = pending.get(key)?.buffered ?? 0;
    if (total + unsent > entry.value) entry.value = total + unsent;
  };

  const bufferSpend = (key: string, amount: number, expiresAt: number) => {
    const spend = pending.get(key);
    if (spend !== undefined) {
      spend.buffered += amount;
      if (expiresAt > spend.expiresAt) spend.expiresAt = expiresAt;
      return;
    }
    if (pending.size >= settings.maxBufferedKeys) {
      if (droppedAdds++ % 1000 === 0) {
        diag.error(
          `${LOG_PREFIX} the buffer of unwritten spend is full (${settings.maxBufferedKeys} keys); ` +
            `spend is being dropped (${droppedAdds} adds so far), raise maxBufferedKeys or bring Redis back`,
        );
      }
      droppedAmount += amount;
      return;
    }
    pending.set(key, { buffered: amount, expiresAt });
  };

  /** Sends one write per key (a key's unconfirmed write first, so its writes stay in order), concurrently. */
  const writeBuffer = async (): Promise<void> => {
    const time = Date.now();
    let anyFailed = false;
    let anySent = false;
    await Promise.all(
      [...pending].map(async ([key, spend]) => {
        if (spend.unconfirmed === undefined) {
          if (spend.buffered <= 0) {
            pending.delete(key);
            return;
          }
          spend.unconfirmed = { sequence: ++sequence, amount: spend.buffered, expiresAt: spend.expiresAt };
          spend.buffered = 0;
        }
        const write = spend.unconfirmed;
        // Spend of a window that is over counts nowhere any more.
        if (write.expiresAt <= time) {
          spend.unconfirmed = undefined;
          if (spend.buffered <= 0) pending.delete(key);
          return;
        }
        anySent = true;
        try {
          const total = await run(() =>
            commands.increment({ key: settings.keyPrefix + key, ...write, writer }),
          );
          spend.unconfirmed = undefined;
          if (spend.buffered <= 0) pending.delete(key);
          learn(key, total);
        } catch (error) {
          anyFailed = true;
          failed(error);
        }
      }),
    );
    if (anySent && !anyFailed) succeeded();
  };

  const flushBuffer = (): Promise<void> => {
    flushScheduled = false;
    if (flushing) return flushing;
    if (pending.size === 0 || Date.now() < retryAt) return Promise.resolve();
    flushing = writeBuffer().finally(() => {
      flushing = undefined;
      if (pending.size > 0 && Date.now() >= retryAt) scheduleFlush();
    });
    return flushing;
  };

  const scheduleFlush = () => {
    if (flushScheduled || flushing || Date.now() < retryAt) return;
    flushScheduled = true;
    // One write per key per turn of the event loop, however many calls finished in it.
    setImmediate(flushBuffer);
  };

  const readAll = async (): Promise<void> => {
    const keys = [...cache.keys()];
    for (let start = 0; start < keys.length; start += READ_CHUNK) {
      const chunk = keys.slice(start, start + READ_CHUNK);
      try {
        const totals = await run(() => commands.read(chunk.map((key) => settings.keyPrefix + key)));
        for (const [index, key] of chunk.entries()) learn(key, totals[index] ?? 0);
        succeeded();
      } catch (error) {
        failed(error);
        return;
      }
    }
  };

  const refresh = (): Promise<void> => {
    refreshCount++;
    for (const [key, entry] of cache) {
      if (refreshCount - entry.seenAt > settings.idleRefreshes) cache.delete(key);
    }
    const writing = flushBuffer();
    if (!refreshing && cache.size > 0) {
      refreshing = readAll().finally(() => {
        refreshing = undefined;
      });
    }
    return Promise.all([writing, refreshing]).then(() => undefined);
  };

  const isAvailable = () => failingSince === undefined || Date.now() - failingSince < settings.staleAfterMs;

  const timer = setInterval(() => {
    refresh().catch((error: unknown) => diag.error(`${LOG_PREFIX} refresh failed`, error));
  }, settings.refreshIntervalMs);
  timer.unref?.();

  return {
    get(key) {
      return track(key).value;
    },
    add(key, amount, expiresAt) {
      if (!(amount > 0) || !Number.isFinite(amount)) return;
      track(key).value += amount;
      bufferSpend(key, amount, expiresAt);
      scheduleFlush();
    },
    available: isAvailable,
    async flush() {
      retryAt = 0;
      try {
        await flushing;
        await flushBuffer();
        await refresh();
      } catch (error) {
        diag.error(`${LOG_PREFIX} flush failed`, error);
      }
    },
    close() {
      clearInterval(timer);
    },
    stats(): RedisBudgetStoreStats {
      let bufferedAmount = 0;
      for (const spend of pending.values())
        bufferedAmount += spend.buffered + (spend.unconfirmed?.amount ?? 0);
      return {
        available: isAvailable(),
        trackedKeys: cache.size,
        bufferedKeys: pending.size,
        bufferedAmount,
        droppedAdds,
        droppedAmount,
        failedCommands,
      };
    },
  };
}

function resolveOptions(options: RedisBudgetStoreOptions): Required<Omit<RedisBudgetStoreOptions, "client">> {
  if (!options || typeof options !== "object" || !options.client) {
    throw new TypeError("createRedisBudgetStore: pass { client }, an ioredis or redis client");
  }
  const resolved = { ...DEFAULTS };
  for (const name of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const value = options[name];
    if (value === undefined) continue;
    if (name === "keyPrefix") {
      if (typeof value !== "string")
        throw new TypeError("createRedisBudgetStore: keyPrefix must be a string");
      resolved.keyPrefix = value;
    } else if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new TypeError(`createRedisBudgetStore: ${name} must be a positive number`);
    } else {
      resolved[name] = value;
    }
  }
  return resolved;
}
