// Benchmarks model resolution and costing on the built package (run `pnpm build` first, then `pnpm bench`).
// Prints nanoseconds per call as the median of several runs; figures are for reading, not asserted anywhere.
import { performance } from "node:perf_hooks";
import { createPriceRegistry, PRICING_VERSION } from "../dist/index.js";

const RUNS = 7;
const ITERATIONS = 20_000;

// Real strings as wrappers see them in gen_ai.response.model, across the resolution paths.
const calls = [
  { provider: "openai", model: "gpt-4o-2024-08-06" },
  { provider: "openai", model: "o4-mini" },
  { provider: "anthropic", model: "claude-sonnet-4-20250514" },
  { provider: "anthropic", model: "claude-3-5-haiku-latest" },
  { provider: "aws.bedrock", model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0" },
  { provider: "gcp.vertex_ai", model: "claude-sonnet-4@20250514" },
  { provider: "gcp.gemini", model: "models/gemini-2.5-pro" },
  { provider: "azure.ai.openai", model: "prod-chat" },
  { provider: "mistral_ai", model: "mistral-medium-latest" },
  { provider: "x_ai", model: "grok-4" },
];
const usage = {
  inputTokens: 250_000,
  cacheReadInputTokens: 20_000,
  cacheWriteInputTokens: 1_000,
  outputTokens: 3_000,
  reasoningOutputTokens: 2_000,
};

const registry = createPriceRegistry({ azureDeployments: { "prod-chat": "gpt-4o-2024-11-20" } });
for (const call of calls) {
  if (!registry.resolveModel(call)) throw new Error(`bench model not priced: ${call.provider} ${call.model}`);
}

function measure(label, body) {
  let sink = 0;
  // Warm up so the JIT has compiled the path being measured.
  for (let index = 0; index < ITERATIONS; index += 1) sink += body(index) ? 1 : 0;
  const samples = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    for (let index = 0; index < ITERATIONS; index += 1) sink += body(index) ? 1 : 0;
    samples.push(((performance.now() - start) * 1e6) / ITERATIONS);
  }
  samples.sort((left, right) => left - right);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(
    `${label.padEnd(52)} ${median.toFixed(0).padStart(6)} ns/call  (min ${samples[0].toFixed(0)}, max ${samples.at(-1).toFixed(0)})`,
  );
  return sink;
}

// Inputs are built once, as core builds its own per call; the loop measures only the pricing work.
const costInputs = calls.map((call) => ({ ...call, usage }));
const datedCalls = calls.map((call) => ({ ...call, at: "2026-11-01" }));
const datedCostInputs = costInputs.map((input) => ({ ...input, at: "2026-11-01" }));

console.log(
  `@sightline/pricing ${PRICING_VERSION}, Node ${process.version}, ${RUNS} runs × ${ITERATIONS} calls`,
);
measure("resolveModel (memoised, steady state)", (index) =>
  registry.resolveModel(calls[index % calls.length]),
);
measure("resolveModel (uncached: dated lookup bypasses memo)", (index) =>
  registry.resolveModel(datedCalls[index % calls.length]),
);
measure("costOf (memoised resolution + exact arithmetic)", (index) =>
  registry.costOf(costInputs[index % calls.length]),
);
measure("costOf (uncached resolution)", (index) => registry.costOf(datedCostInputs[index % calls.length]));
for (const input of costInputs) {
  measure(`  costOf ${input.provider} ${input.model}`, () => registry.costOf(input));
}
