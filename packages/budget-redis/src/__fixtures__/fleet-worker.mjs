// One replica of a fleet: the real openai SDK wrapped by observeOpenAI, against the mock LLM server,
// governed by token budgets kept in Redis through the built @sightline/budget-redis (its path in
// settings.storeModule), with an ioredis or a redis client (settings.client). Driven by the test over IPC: run, pause, flush, report, exit.
import { BudgetExceededError, createGovernance } from "@sightline/core";
import { observeOpenAI } from "@sightline/openai";
import { Redis } from "ioredis";
import OpenAI from "openai";
import { createClient } from "redis";

const settings = JSON.parse(process.env.FLEET_WORKER ?? "{}");
const { createRedisBudgetStore } = await import(settings.storeModule);

/** The client this replica uses (`ioredis` or `redis`), configured as the docs say: offline queue off. */
async function connect() {
  if (settings.client === "redis") {
    const client = createClient({
      socket: { host: "127.0.0.1", port: settings.redisPort, reconnectStrategy: () => 50 },
      disableOfflineQueue: true,
    });
    client.on("error", () => {});
    await client.connect();
    return { client, close: () => client.destroy() };
  }
  const client = new Redis({
    host: "127.0.0.1",
    port: settings.redisPort,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => 50,
  });
  client.on("error", () => {});
  await new Promise((resolve) => client.once("ready", resolve));
  return { client, close: () => client.disconnect() };
}

const redis = await connect();
const store = createRedisBudgetStore({
  client: redis.client,
  commandTimeoutMs: 100,
  refreshIntervalMs: settings.refreshIntervalMs ?? 50,
  staleAfterMs: 300,
});
const governance = createGovernance({ mode: "enforce", budgets: settings.budgets, store });
const openai = observeOpenAI(new OpenAI({ apiKey: "test", baseURL: settings.baseURL, maxRetries: 0 }), {
  governance,
});

/** Every call's outcome: which model, in which phase, tokens spent or why it was refused. */
const outcomes = [];
let running = false;
let workers = [];

async function callOnce(model, phase) {
  let timer;
  const watchdog = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ hung: true }), 5000);
  });
  // An async function, so a refusal (thrown before any request exists) arrives as a rejection.
  const call = (async () =>
    openai.chat.completions.create({ model, messages: [{ role: "user", content: "hi" }] }))().then(
    (response) => ({ tokens: response.usage?.total_tokens ?? 0 }),
    (error) =>
      BudgetExceededError.isInstance(error)
        ? { refused: error.reason, budget: error.budget }
        : { error: `${error?.name}: ${error?.message}` },
  );
  const outcome = await Promise.race([call, watchdog]);
  clearTimeout(timer);
  outcomes.push({ model, phase, ...outcome });
  return outcome;
}

async function work(model, phase, stopWhenRefused) {
  while (running) {
    const outcome = await callOnce(model, phase);
    if (outcome.refused && stopWhenRefused) return;
    if (outcome.refused || outcome.error) await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

process.on("message", async (message) => {
  if (message.type === "run") {
    running = true;
    workers = message.models.map((model) => work(model, message.phase, message.stopWhenRefused));
    if (message.stopWhenRefused) {
      await Promise.all(workers);
      process.send({ type: "finished" });
    }
  } else if (message.type === "pause") {
    running = false;
    await Promise.all(workers);
    process.send({ type: "paused", stats: store.stats() });
  } else if (message.type === "flush") {
    // Until Redis has confirmed every buffered write (or the test's own timeout ends the wait).
    do await store.flush();
    while (store.stats().bufferedKeys > 0 && (await new Promise((resolve) => setTimeout(resolve, 20, true))));
    process.send({ type: "flushed", stats: store.stats() });
  } else if (message.type === "report") {
    process.send({ type: "report", outcomes, stats: store.stats() });
  } else if (message.type === "exit") {
    store.close();
    redis.close();
    process.disconnect();
  }
});
process.send({ type: "ready" });
