import type { BudgetStore } from "@sightline/core";

/** The `ioredis` client methods the store uses (an `ioredis` `Redis` or `Cluster` instance fits). */
export interface IORedisBudgetClient {
  /** `EVAL script numkeys key... arg...`. */
  eval(script: string, numberOfKeys: number, ...keysAndArguments: (string | number)[]): Promise<unknown>;
  /** `MGET key...`. */
  mget(...keys: string[]): Promise<(string | null)[]>;
}

/** The `redis` (node-redis v5 and later) client methods the store uses; connect it before use. */
export interface NodeRedisBudgetClient {
  /** `EVAL script numkeys key... arg...`. */
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  /** `MGET key...`. */
  mGet(keys: string[]): Promise<(string | null)[]>;
}

/** A Redis client the store can use: `ioredis` or `redis` (node-redis v5+), told apart by their method names. */
export type RedisBudgetClient = IORedisBudgetClient | NodeRedisBudgetClient;

/** Options of {@link createRedisBudgetStore}. */
export interface RedisBudgetStoreOptions {
  /**
   * Your connected client. Turn its offline queue off (`enableOfflineQueue: false` for ioredis,
   * `disableOfflineQueue: true` for redis) so a command sent while Redis is down fails at once and is
   * buffered here, instead of waiting in the client and being applied twice; and give it an `error`
   * listener (node-redis crashes the process on an unhandled `error` event).
   */
  client: RedisBudgetClient;
  /** Prepended to every key (`sightline:budget:<name>:<key>:<bucket start>`). Use a hash tag such as `"{sightline}:"` on Redis Cluster. Default: `""`. */
  keyPrefix?: string;
  /** Longest wait for any Redis command; a slower reply counts as a failure and its spend is retried. Default: `250` ms. */
  commandTimeoutMs?: number;
  /** How often the spend of the keys in use is re-read from Redis (other replicas' spend shows up this fast), and buffered spend retried. Default: `1000` ms. */
  refreshIntervalMs?: number;
  /** After Redis has failed for this long, `available()` returns false and budgets follow `whenStoreUnavailable`. Default: `5000` ms. */
  staleAfterMs?: number;
  /** Most keys whose spend is cached and refreshed; the least recently added beyond this are forgotten (read as 0 until refreshed). Default: `10000`. */
  maxTrackedKeys?: number;
  /** Most keys with spend waiting to be written while Redis is unreachable (spend is summed per key); spend for a new key beyond this is dropped, counted and reported. Default: `10000`. */
  maxBufferedKeys?: number;
  /** Refreshes that skip a key before it is forgotten (no `get` or `add` in that time). Default: `60`. */
  idleRefreshes?: number;
}

/** Counters for dashboards and tests. */
export interface RedisBudgetStoreStats {
  /** False while Redis has failed for longer than `staleAfterMs`. */
  available: boolean;
  /** Keys whose spend is cached. */
  trackedKeys: number;
  /** Keys with spend not yet written to Redis. */
  bufferedKeys: number;
  /** Spend not yet written to Redis, summed over keys (any unit). */
  bufferedAmount: number;
  /** Adds dropped because the buffer was full. */
  droppedAdds: number;
  /** Spend those adds carried, summed (any unit). */
  droppedAmount: number;
  /** Redis commands that failed or timed out. */
  failedCommands: number;
}

/** A {@link BudgetStore} shared through Redis, with the controls a long-lived process needs. */
export interface RedisBudgetStore extends BudgetStore {
  /** False while Redis has failed for longer than `staleAfterMs` (budgets then follow `whenStoreUnavailable`). */
  available(): boolean;
  /** Writes buffered spend and re-reads every key in use; resolves when done (never rejects). For shutdown and tests. */
  flush(): Promise<void>;
  /** Stops the refresh timer (the timer never keeps the process alive). Does not close your client. */
  close(): void;
  /** Counters: buffered and dropped spend, failures, availability. */
  stats(): RedisBudgetStoreStats;
}
