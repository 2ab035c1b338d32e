import { context } from "@opentelemetry/api";
import { createAgentCostTally } from "../agents/agent-cost-tally.js";

/**
 * Runs `run` and returns its value with what the wrapped-client calls made inside it were priced at (USD;
 * undefined when none was priced). Used by model-graded evaluators to report a judge's cost, which online
 * evaluation budgets; the calls are traced and priced as usual. Needs a context manager (as every Sightline
 * setup registers) for the calls to see the tally across `await`.
 * @example
 * const { value, costUsd } = await measureCallCost(() => judge(prompt));
 */
export async function measureCallCost<Value>(
  run: () => Promise<Value> | Value,
): Promise<{ value: Value; costUsd: number | undefined }> {
  const { tally, context: tallyContext } = createAgentCostTally(context.active());
  const value = await context.with(tallyContext, run);
  return { value, costUsd: tally.priced ? tally.total : undefined };
}
