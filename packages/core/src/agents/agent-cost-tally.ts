import { type Context, context, createContextKey } from "@opentelemetry/api";

const AGENT_COST_TALLY_KEY = createContextKey("sightline.agent.cost_tally");

/** The running cost of one agent span: what its model calls (and nested agents' calls) were priced at. */
export interface AgentCostTally {
  /** Sum of priced model calls so far, USD. */
  total: number;
  /** True once at least one call inside the agent was priced (an agent with none gets no total). */
  priced: boolean;
  /** The enclosing agent's tally, which every cost added here also goes to. */
  readonly parent: AgentCostTally | undefined;
}

/** A new tally nested in the one active in `parentContext` (if any), and the context that carries it. */
export function createAgentCostTally(parentContext: Context): { tally: AgentCostTally; context: Context } {
  const tally: AgentCostTally = { total: 0, priced: false, parent: getAgentCostTally(parentContext) };
  return { tally, context: parentContext.setValue(AGENT_COST_TALLY_KEY, tally) };
}

/** The tally of the innermost agent span active in `activeContext`, or undefined outside any agent. */
export function getAgentCostTally(activeContext: Context = context.active()): AgentCostTally | undefined {
  return activeContext.getValue(AGENT_COST_TALLY_KEY) as AgentCostTally | undefined;
}

/** Adds one call's cost to its agent and every agent enclosing it. */
export function addAgentCost(tally: AgentCostTally | undefined, amount: number): void {
  if (!Number.isFinite(amount)) return;
  for (let current = tally; current !== undefined; current = current.parent) {
    current.total += amount;
    current.priced = true;
  }
}
