import type { RedisBudgetClient } from "./types.js";

/**
 * Adds `ARGV[1]` to the counter `KEYS[1]` and sets its expiry in one atomic step, so concurrent adds
 * from any number of processes are never lost and a counter never outlives its window. The hash
 * `KEYS[2]` remembers the last write sequence applied per writer (`ARGV[3]` = writer id, `ARGV[4]`
 * = sequence): a write retried after a timeout whose first attempt did reach Redis is not counted
 * twice. Returns the new total.
 */
const INCREMENT_SCRIPT = `local applied = tonumber(redis.call('HGET', KEYS[2], ARGV[3]) or '0')
local total
if tonumber(ARGV[4]) > applied then
  total = redis.call('INCRBYFLOAT', KEYS[1], ARGV[1])
  redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
else
  total = redis.call('GET', KEYS[1]) or '0'
end
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
return total`;

/** One write: `amount` added to `key` (expiring at `expiresAt`, epoch ms), numbered `sequence` by `writer`. */
export interface RedisBudgetWrite {
  key: string;
  amount: number;
  expiresAt: number;
  writer: string;
  sequence: number;
}

/** The two commands the store needs, whichever client the user gave. */
export interface RedisBudgetCommands {
  /** Atomically adds the write's amount (once per writer and sequence); resolves to the key's new total. */
  increment(write: RedisBudgetWrite): Promise<number>;
  /** The totals of `keys`, 0 for missing ones. */
  read(keys: string[]): Promise<number[]>;
}

/** Adapts an `ioredis` or node-redis client (told apart by `mGet` vs `mget`) to {@link RedisBudgetCommands}. */
export function createRedisCommands(client: RedisBudgetClient): RedisBudgetCommands {
  if ("mGet" in client && typeof client.mGet === "function") {
    return {
      increment: async (write) =>
        toNumber(await client.eval(INCREMENT_SCRIPT, { keys: keysOf(write), arguments: argumentsOf(write) })),
      read: async (keys) => (await client.mGet(keys)).map(toNumber),
    };
  }
  if ("mget" in client && typeof client.mget === "function") {
    return {
      increment: async (write) =>
        toNumber(await client.eval(INCREMENT_SCRIPT, 2, ...keysOf(write), ...argumentsOf(write))),
      read: async (keys) => (await client.mget(...keys)).map(toNumber),
    };
  }
  throw new TypeError(
    "createRedisBudgetStore: client must be an ioredis client (eval, mget) or a connected redis v5+ client (eval, mGet)",
  );
}

/** The counter and, beside it, the hash of applied write sequences (same hash tag, so same cluster slot). */
function keysOf(write: RedisBudgetWrite): string[] {
  return [write.key, `${write.key}:applied`];
}

function argumentsOf(write: RedisBudgetWrite): string[] {
  return [String(write.amount), String(Math.ceil(write.expiresAt)), write.writer, String(write.sequence)];
}

function toNumber(value: unknown): number {
  const parsed = typeof value === "number" ? value : Number.parseFloat(String(value ?? "0"));
  return Number.isFinite(parsed) ? parsed : 0;
}
