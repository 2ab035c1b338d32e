import { DiagLogLevel, diag } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRedisBudgetStore } from "./create-redis-budget-store.js";
import { type ClientKind, createTestClient, type TestClient } from "./create-test-clients.js";
import {
  hasRedisServer,
  MISSING_REDIS_SERVER,
  startTestRedisServer,
  type TestRedisServer,
} from "./start-test-redis-server.js";
import type { RedisBudgetStore } from "./types.js";

if (!hasRedisServer) console.warn(MISSING_REDIS_SERVER);

const HOUR = 3_600_000;
const silentLogger = { error() {}, warn() {}, info() {}, debug() {}, verbose() {} };

/** Flushes until Redis has confirmed every buffered write: on a loaded machine one attempt may time out and be retried. */
async function flushUntilWritten(store: RedisBudgetStore): Promise<void> {
  await vi.waitFor(
    async () => {
      await store.flush();
      expect(store.stats().bufferedKeys).toBe(0);
    },
    { timeout: 10_000, interval: 20 },
  );
}
let keyCount = 0;
const freshKey = () => `sightline:budget:test:${process.pid}:${++keyCount}:0`;

describe.skipIf(!hasRedisServer).each<ClientKind>(["ioredis", "redis"])("with the %s client", (kind) => {
  let server: TestRedisServer;
  const clients: TestClient[] = [];
  const stores: RedisBudgetStore[] = [];
  let raw: TestClient;

  const connect = async () => {
    const client = await createTestClient(kind, server.port);
    clients.push(client);
    return client;
  };
  const createStore = async (
    options: {
      refreshIntervalMs?: number;
      commandTimeoutMs?: number;
      staleAfterMs?: number;
      maxBufferedKeys?: number;
    } = {},
  ) => {
    const store = createRedisBudgetStore({ client: (await connect()).client, ...options });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await startTestRedisServer();
    raw = await connect();
  });
  afterAll(async () => {
    for (const store of stores) store.close();
    for (const client of clients) await client.close();
    await server?.kill();
  });

  it("counts many concurrent adds from several stores exactly, and every store reads the fleet total", async () => {
    const fleet = await Promise.all([createStore(), createStore(), createStore(), createStore()]);
    const key = freshKey();
    let expected = 0;
    const adds: Promise<void>[] = [];
    for (let round = 0; round < 250; round++) {
      fleet.forEach((store, index) => {
        const amount = 1 + ((round + index) % 5) + 0.25;
        expected += amount;
        // Spread over turns of the event loop, so some adds batch and some race in flight.
        adds.push(
          new Promise((resolve) =>
            setTimeout(() => resolve(store.add(key, amount, Date.now() + HOUR)), round % 7),
          ),
        );
      });
    }
    await Promise.all(adds);
    await Promise.all(fleet.map(flushUntilWritten));
    expect(Number(await raw.get(key))).toBe(expected);
    // Once every store has written, one more refresh each brings every cache to the fleet total.
    await Promise.all(fleet.map((store) => store.flush()));
    for (const store of fleet) expect(store.get(key)).toBe(expected);
    expect(fleet.map((store) => store.stats().bufferedKeys)).toEqual([0, 0, 0, 0]);
  });

  it("adds to a local cache at once, so get() on the call path sees this process's spend before Redis answers", async () => {
    const store = await createStore();
    const key = freshKey();
    store.add(key, 40, Date.now() + HOUR);
    expect(store.get(key)).toBe(40);
    await flushUntilWritten(store);
    expect(await raw.get(key)).toBe("40");
  });

  it("a key expires with its window", async () => {
    const store = await createStore();
    const key = freshKey();
    store.add(key, 5, Date.now() + 1500);
    await flushUntilWritten(store);
    const ttl = await raw.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1500);
    const appliedTtl = await raw.pttl(`${key}:applied`);
    expect(appliedTtl).toBeGreaterThan(0);
    expect(appliedTtl).toBeLessThanOrEqual(1500);
    await vi.waitFor(async () => expect(await raw.pttl(key)).toBe(-2), { timeout: 5000, interval: 50 });
    expect(await raw.get(key)).toBeNull();
    expect(await raw.pttl(`${key}:applied`)).toBe(-2);
    // Spend for a window that is already over is not written at all.
    const late = freshKey();
    store.add(late, 5, Date.now() - 1);
    await store.flush();
    expect(await raw.get(late)).toBeNull();
  });

  it("other replicas' spend shows up through the periodic refresh", async () => {
    const reader = await createStore({ refreshIntervalMs: 50 });
    const writer = await createStore();
    const key = freshKey();
    expect(reader.get(key)).toBe(0);
    writer.add(key, 123, Date.now() + HOUR);
    await flushUntilWritten(writer);
    await vi.waitFor(() => expect(reader.get(key)).toBe(123), { timeout: 5000, interval: 20 });
  });

  it("a paused Redis never holds a call: commands time out, and the retried write is counted once", async () => {
    const store = await createStore({ commandTimeoutMs: 100, refreshIntervalMs: 50 });
    const key = freshKey();
    await raw.command(["CLIENT", "PAUSE", "600", "ALL"]);
    store.add(key, 7, Date.now() + HOUR);
    expect(store.get(key)).toBe(7);
    await store.flush(); // resolves: the command timed out instead of hanging
    expect(store.stats().failedCommands).toBeGreaterThan(0);
    expect(store.stats().bufferedAmount).toBe(7);
    // After the pause, Redis runs the timed-out write too; the retry must not count it again.
    await vi.waitFor(() => expect(store.stats().bufferedKeys).toBe(0), { timeout: 5000, interval: 50 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await raw.get(key)).toBe("7");
    expect(store.available()).toBe(true);
  });
});

describe.skipIf(!hasRedisServer).each<ClientKind>(["ioredis", "redis"])(
  "Redis stopped, with the %s client",
  (kind) => {
    it("buffers spend while Redis is down, reports unavailable after staleAfterMs, drops past the bound and writes the rest once Redis is back", async () => {
      const messages: string[] = [];
      const record = (message: string) => void messages.push(message);
      diag.setLogger({ ...silentLogger, error: record, warn: record }, DiagLogLevel.WARN);
      const server = await startTestRedisServer();
      const client = await createTestClient(kind, server.port);
      const store = createRedisBudgetStore({
        client: client.client,
        commandTimeoutMs: 100,
        refreshIntervalMs: 50,
        staleAfterMs: 300,
        maxBufferedKeys: 2,
      });
      try {
        const [first, second, third] = [freshKey(), freshKey(), freshKey()];
        store.add(first, 10, Date.now() + HOUR);
        await flushUntilWritten(store);
        await server.kill();
        store.add(first, 5, Date.now() + HOUR);
        store.add(second, 20, Date.now() + HOUR);
        store.add(third, 1, Date.now() + HOUR); // a third key: past maxBufferedKeys
        expect(store.get(first)).toBe(15);
        await store.flush();
        expect(store.stats()).toMatchObject({
          bufferedKeys: 2,
          bufferedAmount: 25,
          droppedAdds: 1,
          droppedAmount: 1,
        });
        expect(messages.some((message) => /Redis command failed/.test(message))).toBe(true);
        expect(messages.some((message) => /buffer of unwritten spend is full/.test(message))).toBe(true);
        await vi.waitFor(() => expect(store.available()).toBe(false), { timeout: 5000, interval: 20 });
        await server.restart();
        await vi.waitFor(() => expect(store.stats().bufferedKeys).toBe(0), { timeout: 10_000, interval: 50 });
        expect(store.available()).toBe(true);
        // The restarted server lost the 10 written before (no persistence); the buffered spend arrived in full.
        expect(await client.get(first)).toBe("5");
        expect(await client.get(second)).toBe("20");
        expect(await client.get(third)).toBeNull();
        // The cache never goes down: this process still knows the 15 it saw.
        expect(store.get(first)).toBe(15);
        expect(messages.some((message) => /Redis answers again/.test(message))).toBe(true);
      } finally {
        diag.disable();
        store.close();
        await client.close();
        await server.kill();
      }
    });
  },
);

describe("configuration", () => {
  it("rejects a client that is neither ioredis nor redis, and bad options, when the store is created", () => {
    expect(() => createRedisBudgetStore({ client: {} as never })).toThrow(
      /ioredis client .* or a connected redis/,
    );
    const client = { eval: async () => "0", mget: async () => [] };
    expect(() => createRedisBudgetStore({ client, commandTimeoutMs: 0 })).toThrow(
      /commandTimeoutMs must be a positive number/,
    );
    expect(() => createRedisBudgetStore({ client, keyPrefix: 1 as never })).toThrow(
      /keyPrefix must be a string/,
    );
  });
});
