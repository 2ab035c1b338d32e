// Cost of online evaluation on the calling path: the real `openai` client wrapped by observeOpenAI, with and
// without `evaluation` (four deterministic evaluators, sampleRate 1), over an in-process fetch that returns a
// canned chat completion (no sockets, so the figure is Sightline's and the SDK's, not the network's). Each call
// is timed from `create()` to its resolved result; the evaluations then run (scheduled after the call) and are
// awaited outside the timed region, so "on the calling path" means what the caller waits for. The evaluation
// work itself is reported separately. Best of several rounds. Run after the build: node bench/online-evaluation.bench.mjs

import { observeOpenAI } from "@sightline/openai";
import { createBenchProviders } from "@sightline/testing/bench";
import OpenAI from "openai";
import { contains, createOnlineEvaluation, lengthWithin, noPII, validJson } from "../dist/index.js";

const { tracerProvider, meterProvider } = createBenchProviders();
const CALLS = 3_000;
const WARMUP = 1_000;
const ROUNDS = 7;

const body = JSON.stringify({
  id: "chatcmpl-bench",
  object: "chat.completion",
  created: 1_700_000_000,
  model: "gpt-4o-mini-2024-07-18",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: '{"city":"Paris","country":"France"}' },
      finish_reason: "stop",
    },
  ],
  usage: { prompt_tokens: 20, completion_tokens: 9, total_tokens: 29 },
});
const cannedFetch = async () =>
  new Response(body, { status: 200, headers: { "content-type": "application/json" } });
const params = { model: "gpt-4o-mini", messages: [{ role: "user", content: "Capital of France, as JSON?" }] };

function createClient(evaluation) {
  const client = new OpenAI({
    apiKey: "bench",
    baseURL: "http://bench.invalid/v1",
    fetch: cannedFetch,
    maxRetries: 0,
  });
  return observeOpenAI(client, {
    tracerProvider,
    meterProvider,
    drift: false,
    ...(evaluation ? { evaluation } : {}),
  });
}

/** µs per call on the calling path, and µs per call spent afterwards until the evaluations finished. */
async function measure(client, evaluation) {
  for (let index = 0; index < WARMUP; index++) {
    await client.chat.completions.create(params);
    await evaluation?.flush();
  }
  let calling = 0;
  let after = 0;
  for (let index = 0; index < CALLS; index++) {
    const started = performance.now();
    await client.chat.completions.create(params);
    const returned = performance.now();
    calling += returned - started;
    if (evaluation) {
      await evaluation.flush();
      after += performance.now() - returned;
    }
  }
  return { calling: (calling * 1000) / CALLS, after: (after * 1000) / CALLS };
}

const evaluators = () => [validJson(), contains("Paris"), lengthWithin({ maxWords: 50 }), noPII()];
let without = Number.POSITIVE_INFINITY;
let withEvaluation = Number.POSITIVE_INFINITY;
let evaluationWork = Number.POSITIVE_INFINITY;
let results = 0;
for (let round = 0; round < ROUNDS; round++) {
  // Alternating order each round, so drifting machine load lands on both alike.
  const evaluation = createOnlineEvaluation({ evaluators: evaluators(), sampleRate: 1 });
  const plain = createClient(undefined);
  const evaluated = createClient(evaluation);
  const first = round % 2 === 0 ? [plain, undefined] : [evaluated, evaluation];
  const second = round % 2 === 0 ? [evaluated, evaluation] : [plain, undefined];
  for (const [client, hook] of [first, second]) {
    const figures = await measure(client, hook);
    if (hook) {
      withEvaluation = Math.min(withEvaluation, figures.calling);
      evaluationWork = Math.min(evaluationWork, figures.after);
      results += hook.stats().results;
    } else {
      without = Math.min(without, figures.calling);
    }
  }
}
/** µs of the hook itself on the calling path: sampling at the start plus the hand-over at the end. */
async function measureHook() {
  const evaluation = createOnlineEvaluation({ evaluators: evaluators(), sampleRate: 1, maxQueue: 1_000 });
  const span = tracerProvider.getTracer("bench").startSpan("chat gpt-4o-mini");
  span.end();
  const candidate = {
    request: { operation: "chat", model: "gpt-4o-mini" },
    target: { provider: "openai" },
    context: {},
  };
  const call = {
    ...candidate,
    response: { id: "chatcmpl-bench" },
    spanContext: span.spanContext(),
    requestContent: () => undefined,
    outputMessages: () => [
      { role: "assistant", parts: [{ type: "text", content: "Paris" }], finish_reason: "stop" },
    ],
    meterProvider,
    tracerProvider,
  };
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS * 4; round++) {
    const started = performance.now();
    for (let index = 0; index < 1_000; index++) if (evaluation.sample(candidate)) evaluation.evaluate(call);
    fastest = Math.min(fastest, performance.now() - started);
    await evaluation.flush();
  }
  return fastest; // ms per 1,000 calls = µs per call
}
const hook = await measureHook();

if (results === 0) throw new Error("no evaluation ran: the bench measured nothing");

console.log(
  `\nOnline evaluation, per call (best of ${ROUNDS} rounds of ${CALLS} calls, Node ${process.version})\n`,
);
console.log("| measure | µs per call |");
console.log("| --- | --- |");
console.log(`| observeOpenAI, no evaluation (calling path) | ${without.toFixed(2)} |`);
console.log(`| same, online evaluation on, sampleRate 1 (calling path) | ${withEvaluation.toFixed(2)} |`);
console.log(`| difference on the calling path | ${(withEvaluation - without).toFixed(2)} |`);
console.log(`| ratio on the calling path | ${(withEvaluation / without).toFixed(3)} |`);
console.log(`| the hook alone: sample at start + hand-over at end | ${hook.toFixed(2)} |`);
console.log(
  `| evaluation work after the call (4 evaluators + 4 result spans) | ${evaluationWork.toFixed(2)} |`,
);
