// Cost of budgets and policies per call: the engine with and without a governance object
// (3 budgets, one of them per tenant on a 12-bucket rolling window, and 1 policy), no SDK and no
// I/O, as the best of several rounds. Run after `pnpm exec tsup`: node bench/governance.bench.mjs
import { createBenchProviders } from "@sightline/testing/bench";
import { createGovernance, withContext } from "../dist/index.js";
import { createInstrumentation } from "../dist/provider.js";

const { tracerProvider, meterProvider } = createBenchProviders();
const OPERATIONS = 20_000;
const ROUNDS = 7;
const request = { operation: "chat", model: "gpt-4o-mini", parameters: { maxTokens: 256 } };
const target = { provider: "openai" };
const response = { model: "gpt-4o-mini-2024-07-18", usage: { inputTokens: 120, outputTokens: 40 } };

const governance = () =>
  createGovernance({
    mode: "enforce",
    budgets: [
      { name: "daily-usd", limit: 1e9, unit: "usd", window: { type: "fixed", size: "day" } },
      {
        name: "tenant-hourly",
        limit: 1e12,
        unit: "tokens",
        window: { type: "rolling", durationMs: 3_600_000 },
        per: "tenant",
      },
      {
        name: "support-monthly",
        limit: 1e9,
        unit: "usd",
        window: { type: "fixed", size: "month" },
        match: { feature: "support" },
      },
    ],
    policies: [{ name: "approved", allowedModels: ["gpt-4o-mini*", "gpt-4o"], maxTokensPerRequest: 4096 }],
  });
function best(run) {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) fastest = Math.min(fastest, run());
  return fastest;
}
function perOperation(options) {
  const instrumentation = createInstrumentation({
    scopeName: "bench",
    scopeVersion: "0",
    options: { tracerProvider, meterProvider, drift: false, ...options },
  });
  const ms = best(() =>
    withContext({ tenantId: "acme", feature: "support" }, () => {
      const started = performance.now();
      for (let index = 0; index < OPERATIONS; index++) {
        instrumentation.traceOperation({
          request,
          target,
          invoke: () => index,
          observe: (_result, operation) => operation.succeed(response),
        });
      }
      return performance.now() - started;
    }),
  );
  return (ms * 1000) / OPERATIONS;
}
const guardOnly = () => {
  const { beforeCall } = governance();
  const call = {
    request,
    target,
    context: { tenantId: "acme", feature: "support" },
    captureContent: false,
    meterProvider,
  };
  const ms = best(() => {
    const started = performance.now();
    for (let index = 0; index < OPERATIONS; index++) beforeCall(call);
    return performance.now() - started;
  });
  return (ms * 1000) / OPERATIONS;
};

const without = perOperation({});
const withGovernance = perOperation({ governance: governance() });
console.log(`\nBudget and policy cost per call (best of ${ROUNDS} rounds, Node ${process.version})\n`);
console.log("| measure | µs per call |");
console.log("| --- | --- |");
console.log(`| engine, spans + metrics + cost, no governance | ${without.toFixed(2)} |`);
console.log(`| same, with 3 budgets + 1 policy (enforce) | ${withGovernance.toFixed(2)} |`);
console.log(`| difference (check before + spend after) | ${(withGovernance - without).toFixed(2)} |`);
console.log(`| the before-call check alone | ${guardOnly().toFixed(2)} |`);
