import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type MockLLMServer, startMockLLMServer } from "@sightline/testing";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestClient, type TestClient } from "./create-test-clients.js";
import {
  hasRedisServer,
  MISSING_REDIS_SERVER,
  startTestRedisServer,
  type TestRedisServer,
} from "./start-test-redis-server.js";
import type { RedisBudgetStoreStats } from "./types.js";

if (!hasRedisServer) console.warn(MISSING_REDIS_SERVER);

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORKER = path.join(packageDir, "src/__fixtures__/fleet-worker.mjs");
const PROCESSES = 3;
const CONCURRENCY = 4;
const TOKENS_PER_CALL = 100;
const DAY = { type: "fixed", size: "day" } as const;
/** Forking three replicas and running them takes seconds, many more on a loaded machine; no time is asserted. */
const FLEET_TEST_TIMEOUT_MS = 90_000;

interface Outcome {
  model: string;
  phase: string;
  tokens?: number;
  refused?: string;
  budget?: string;
  error?: string;
  hung?: boolean;
}

/** One forked replica, driven over IPC. */
interface Worker {
  send(message: Record<string, unknown>, reply: string): Promise<Record<string, unknown>>;
  process: ChildProcess;
}

function startWorker(settings: Record<string, unknown>): Promise<Worker> {
  const child = fork(WORKER, [], {
    cwd: packageDir,
    env: { ...process.env, FLEET_WORKER: JSON.stringify(settings) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<string, (message: Record<string, unknown>) => void>();
  child.on("message", (message: Record<string, unknown>) => {
    const resolve = waiting.get(message.type as string);
    waiting.delete(message.type as string);
    resolve?.(message);
  });
  const expect = (type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      waiting.set(type, resolve);
      child.once("exit", (code) => reject(new Error(`fleet worker exited (${code}) before "${type}"`)));
    });
  const worker: Worker = {
    process: child,
    send: (message, reply) => {
      const replied = expect(reply);
      child.send(message);
      return replied;
    },
  };
  return expect("ready").then(() => worker);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!hasRedisServer)("a fleet of processes against one Redis budget", () => {
  let redis: TestRedisServer;
  /** Slow answers (300 ms) for the overshoot test: its bound holds while replies beat one call. */
  let slowLLM: MockLLMServer;
  /** Quick answers (30 ms) for the outage test: many calls in each phase. */
  let quickLLM: MockLLMServer;
  let raw: TestClient;
  let storeModule: string;
  const workers: Worker[] = [];

  beforeAll(async () => {
    // The package as built (ESM, dependencies external), apart from dist/ so a parallel build cannot race it.
    const outDir = path.join(packageDir, "node_modules/.cache/fleet-test");
    mkdirSync(outDir, { recursive: true });
    storeModule = path.join(outDir, "budget-redis.mjs");
    await build({
      entryPoints: [path.join(packageDir, "src/index.ts")],
      bundle: true,
      format: "esm",
      platform: "node",
      packages: "external",
      outfile: storeModule,
      logLevel: "warning",
    });
    redis = await startTestRedisServer();
    raw = await createTestClient("ioredis", redis.port);
    const answering = (delayMs: number) =>
      startMockLLMServer({
        behaviourChange: { afterCalls: 0, script: { delayMs, usage: { inputTokens: 60, outputTokens: 40 } } },
      });
    slowLLM = await answering(300);
    quickLLM = await answering(30);
  }, FLEET_TEST_TIMEOUT_MS);
  afterAll(async () => {
    for (const worker of workers) if (worker.process.connected) worker.process.send({ type: "exit" });
    for (const worker of workers) if (worker.process.exitCode === null) worker.process.kill();
    await raw?.close();
    await slowLLM?.close();
    await quickLLM?.close();
    await redis?.kill();
  });

  const startFleet = async (llm: MockLLMServer, budgets: unknown[]) => {
    // Both client libraries in one fleet: they share the keys and the script.
    const fleet = await Promise.all(
      Array.from({ length: PROCESSES }, (_, index) =>
        startWorker({
          storeModule,
          redisPort: redis.port,
          baseURL: llm.openaiBaseURL,
          budgets,
          client: index % 2 === 0 ? "ioredis" : "redis",
        }),
      ),
    );
    workers.push(...fleet);
    return fleet;
  };
  const report = async (fleet: Worker[]) =>
    (await Promise.all(fleet.map((worker) => worker.send({ type: "report" }, "report")))).flatMap(
      (reply) => reply.outcomes as Outcome[],
    );
  const budgetTotal = async (name: string) => {
    const dayStart = Date.now() - (Date.now() % 86_400_000);
    return Number((await raw.get(`sightline:budget:${name}::${dayStart}`)) ?? 0);
  };

  it(
    "the fleet total never passes the limit by more than the calls that can start before each replica hears of it",
    async () => {
      const limit = 10_000;
      const fleet = await startFleet(slowLLM, [{ name: "fleet-tokens", limit, unit: "tokens", window: DAY }]);
      await Promise.all(
        fleet.map((worker) =>
          worker.send(
            {
              type: "run",
              phase: "spend",
              models: Array(CONCURRENCY).fill("gpt-4o-mini"),
              stopWhenRefused: true,
            },
            "finished",
          ),
        ),
      );
      await Promise.all(fleet.map((worker) => worker.send({ type: "flush" }, "flushed")));
      const outcomes = await report(fleet);
      const admitted = outcomes.filter((outcome) => outcome.tokens !== undefined);
      const refused = outcomes.filter((outcome) => outcome.refused !== undefined);
      expect(outcomes.filter((outcome) => outcome.error || outcome.hung)).toEqual([]);
      expect(admitted.every((outcome) => outcome.tokens === TOKENS_PER_CALL)).toBe(true);
      // Every worker stopped on a refusal for spent budget, and no update was lost across processes.
      expect(refused).toHaveLength(PROCESSES * CONCURRENCY);
      expect(refused.every((outcome) => outcome.refused === "spent")).toBe(true);
      const total = await budgetTotal("fleet-tokens");
      expect(total).toBe(admitted.length * TOKENS_PER_CALL);
      expect(total).toBeGreaterThanOrEqual(limit);
      const overshoot = total - limit;
      console.log(
        `fleet of ${PROCESSES} × ${CONCURRENCY}: ${admitted.length} calls admitted, total ${total} of ${limit} tokens, overshoot ${overshoot} (${overshoot / TOKENS_PER_CALL} calls)`,
      );
      // The calls in flight when the fleet crosses the limit (at most one per worker), plus at most one
      // per worker started on a cached total before the next reply or refresh brought the news (calls
      // last longer than the refresh interval, so no worker can start two).
      expect(overshoot).toBeLessThanOrEqual(2 * PROCESSES * CONCURRENCY * TOKENS_PER_CALL);
    },
    FLEET_TEST_TIMEOUT_MS,
  );

  it(
    "with Redis killed mid-run, calls never hang: the fail-open budget lets calls through, the fail-closed one refuses, and buffered spend arrives after the restart",
    async () => {
      const large = 10_000_000;
      const fleet = await startFleet(quickLLM, [
        { name: "open-tokens", limit: large, unit: "tokens", window: DAY, match: { model: "open-model" } },
        {
          name: "closed-tokens",
          limit: large,
          unit: "tokens",
          window: DAY,
          match: { model: "closed-model" },
          whenStoreUnavailable: "refuse",
        },
      ]);
      // Two models, one per budget: each process runs two calls at a time against each.
      const models = ["open-model", "open-model", "closed-model", "closed-model"];
      const runPhase = async (phase: string, ms: number) => {
        for (const worker of fleet) worker.process.send({ type: "run", phase, models });
        await sleep(ms);
        return Promise.all(fleet.map((worker) => worker.send({ type: "pause" }, "paused")));
      };
      await runPhase("before", 300);
      await Promise.all(fleet.map((worker) => worker.send({ type: "flush" }, "flushed")));

      await redis.kill();
      const paused = await runPhase("outage", 1200);
      expect(paused.every((reply) => (reply.stats as RedisBudgetStoreStats).available === false)).toBe(true);

      await redis.restart();
      const flushed = await Promise.all(fleet.map((worker) => worker.send({ type: "flush" }, "flushed")));
      expect(flushed.map((reply) => (reply.stats as RedisBudgetStoreStats).bufferedKeys)).toEqual([0, 0, 0]);
      await runPhase("after", 300);
      await Promise.all(fleet.map((worker) => worker.send({ type: "flush" }, "flushed")));

      const outcomes = await report(fleet);
      const of = (phase: string, budget: "open" | "closed") =>
        outcomes.filter((outcome) => outcome.phase === phase && outcome.model === `${budget}-model`);
      const tokens = (list: Outcome[]) => list.reduce((sum, outcome) => sum + (outcome.tokens ?? 0), 0);

      expect(outcomes.filter((outcome) => outcome.error || outcome.hung)).toEqual([]);
      // Before: both budgets let calls through.
      expect(of("before", "open").every((outcome) => outcome.tokens === TOKENS_PER_CALL)).toBe(true);
      expect(of("before", "closed").every((outcome) => outcome.tokens === TOKENS_PER_CALL)).toBe(true);
      // Outage: fail-open never refuses; fail-closed refuses (after the staleness bound) with its reason.
      expect(of("outage", "open").length).toBeGreaterThan(0);
      expect(of("outage", "open").every((outcome) => outcome.tokens === TOKENS_PER_CALL)).toBe(true);
      const closedRefused = of("outage", "closed").filter((outcome) => outcome.refused !== undefined);
      expect(closedRefused.length).toBeGreaterThan(0);
      expect(closedRefused.every((outcome) => outcome.refused === "store_unavailable")).toBe(true);
      // The restarted server is empty (no persistence): what it holds is exactly the spend buffered during the outage.
      expect(await budgetTotal("open-tokens")).toBe(
        tokens(of("outage", "open")) + tokens(of("after", "open")),
      );
      expect(await budgetTotal("closed-tokens")).toBe(
        tokens(of("outage", "closed")) + tokens(of("after", "closed")),
      );
      expect(tokens(of("outage", "open"))).toBeGreaterThan(0);
      // After: the fail-closed budget lets calls through again.
      expect(of("after", "closed").some((outcome) => outcome.tokens === TOKENS_PER_CALL)).toBe(true);
      expect(of("after", "closed").every((outcome) => outcome.tokens === TOKENS_PER_CALL)).toBe(true);
    },
    FLEET_TEST_TIMEOUT_MS,
  );
});
