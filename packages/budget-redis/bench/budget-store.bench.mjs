// What the Redis budget store costs on the call path, next to the memory store: get() (answered from
// the local cache), add() (the synchronous part; the write to Redis happens after, in the background)
// and the governance before-call check with each store (a fixed-day budget and a per-tenant 12-bucket
// rolling one). Starts its own redis-server on loopback (no persistence). Printed, not asserted.
// Run: pnpm --filter @sightline/budget-redis bench
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { metrics } from "@opentelemetry/api";
import { createGovernance, createMemoryBudgetStore } from "@sightline/core";
import { Redis } from "ioredis";
import { createRedisBudgetStore } from "../dist/index.js";

const OPERATIONS = 100_000;
const ROUNDS = 7;
const HOUR = 3_600_000;

if (spawnSync("redis-server", ["--version"]).status !== 0) {
  console.log(
    "redis-server not found on PATH: the Redis budget store bench is skipped (apt-get install redis-server)",
  );
  process.exit(0);
}

const port = await freePort();
const server = spawn(
  "redis-server",
  ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
  {
    stdio: "ignore",
  },
);
// Stop the server however the bench ends.
process.once("exit", () => server.kill("SIGKILL"));
const client = new Redis({ host: "127.0.0.1", port, enableOfflineQueue: false, retryStrategy: () => 50 });
client.on("error", () => {});
await waitForReady(client);

const redisStore = createRedisBudgetStore({ client });
const memoryStore = createMemoryBudgetStore();

function best(run) {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) fastest = Math.min(fastest, run());
  return (fastest * 1000) / OPERATIONS;
}
function timeLoop(body) {
  return best(() => {
    const started = performance.now();
    for (let index = 0; index < OPERATIONS; index++) body(index);
    return performance.now() - started;
  });
}

const keys = Array.from({ length: 12 }, (_, index) => `sightline:budget:bench:acme:${index}`);
for (const key of keys) {
  memoryStore.add(key, 1, Date.now() + HOUR);
  redisStore.add(key, 1, Date.now() + HOUR);
}
await redisStore.flush();

const results = [];
for (const [name, store] of [
  ["memory", memoryStore],
  ["redis", redisStore],
]) {
  const get = timeLoop((index) => store.get(keys[index % 12]));
  const add = timeLoop((index) => store.add(keys[index % 12], 1, Date.now() + HOUR));
  if (name === "redis") await redisStore.flush(); // drain the background writes between measures
  const { beforeCall } = createGovernance({
    mode: "enforce",
    store,
    budgets: [
      // Fail-closed, so the check also asks the store whether it is available.
      {
        name: "fleet-daily",
        limit: 1e12,
        unit: "tokens",
        window: { type: "fixed", size: "day" },
        whenStoreUnavailable: "refuse",
      },
      {
        name: "tenant-hourly",
        limit: 1e12,
        unit: "tokens",
        window: { type: "rolling", durationMs: HOUR },
        per: "tenant",
      },
    ],
  });
  const call = {
    request: { operation: "chat", model: "gpt-4o-mini" },
    target: { provider: "openai" },
    context: { tenantId: "acme" },
    captureContent: false,
    meterProvider: metrics.getMeterProvider(),
  };
  const check = timeLoop(() => beforeCall(call));
  results.push({ name, get, add, check });
}

// Background cost: how long the writes of a burst of adds take to reach Redis (one write per key per turn of the loop).
const burstStarted = performance.now();
for (let index = 0; index < 10_000; index++) redisStore.add(keys[index % 12], 1, Date.now() + HOUR);
await redisStore.flush();
const burstMs = performance.now() - burstStarted;

console.log(
  `\nBudget store cost on the call path (best of ${ROUNDS} rounds of ${OPERATIONS}, Node ${process.version})\n`,
);
console.log("| measure | memory store µs | redis store µs |");
console.log("| --- | --- | --- |");
const [memory, redis] = results;
console.log(`| get (one key) | ${memory.get.toFixed(3)} | ${redis.get.toFixed(3)} |`);
console.log(`| add (call path only) | ${memory.add.toFixed(3)} | ${redis.add.toFixed(3)} |`);
console.log(
  `| before-call check, 2 budgets (13 lookups, one fail-closed) | ${memory.check.toFixed(3)} | ${redis.check.toFixed(3)} |`,
);
console.log(
  `\n10,000 adds over 12 keys written to Redis and confirmed in ${burstMs.toFixed(1)} ms (background, off the call path)`,
);

redisStore.close();
client.disconnect();
server.kill("SIGKILL");

async function freePort() {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port: free } = probe.address();
  probe.close();
  return free;
}
/** Not events.once: it would reject on the connection errors before the server listens. */
function waitForReady(redis) {
  return new Promise((resolve) => redis.once("ready", resolve));
}
