import { context } from "@opentelemetry/api";
import { reportTelemetryError, startAgentSpan } from "@sightline/core/provider";
import { ATTR_SIGHTLINE_LANGCHAIN_RUN_ID, ATTR_SIGHTLINE_LANGCHAIN_RUN_TYPE } from "@sightline/core/semconv";
import type { RunState } from "./create-run-registry.js";
import type { HandlerState, Serialized } from "./internal-types.js";
import { readClassName } from "./map-langchain-request.js";
import { startRunSpan } from "./start-run-span.js";

const HIDDEN_TAG = "langsmith:hidden";

/** The arguments of `handleChainStart` after the run id, as LangChain passes them. */
export interface ChainStart {
  chain: Serialized;
  runId: string;
  fourth: string | undefined;
  tags: string[] | undefined;
  metadata: Record<string, unknown> | undefined;
  seventh: string | undefined;
  eighth: string | undefined;
}

/**
 * Registers a chain run: a compiled LangGraph graph becomes an `invoke_agent` span (or `graph {name}`),
 * a LangGraph node `graph_node {name}`, any other chain `chain {name}`; hidden runs (and, with
 * `chainSpans: false`, all chains) get no span, their children nest under their parent. Never throws.
 */
export function startChainRun(state: HandlerState, start: ChainStart): void {
  const { chain, runId, fourth, tags, metadata, seventh, eighth } = start;
  try {
    // @langchain/core 1.x calls (…, runId, parentRunId, tags, metadata, runType, runName); its
    // typings say (…, runId, runType, tags, metadata, runName, parentRunId): accept both.
    const typedOrder = fourth !== undefined && !state.runs.get(fourth) && state.runs.get(eighth);
    const parentRunId = typedOrder ? eighth : fourth;
    const runName = (typedOrder ? seventh : eighth) ?? chain?.name ?? readClassName(chain) ?? "chain";
    const parentState = state.runs.get(parentRunId);
    const parent = parentState?.context ?? context.active();
    const id = Array.isArray(chain?.id) ? (chain.id as unknown[]) : [];
    const isGraph = id[0] === "langgraph" && id.some((part) => part === "pregel");
    if (!isGraph && (tags?.includes(HIDDEN_TAG) || !state.chainSpans)) {
      state.runs.add(runId, { context: parent });
      return;
    }
    let run: RunState;
    if (isGraph && state.agentSpans) {
      const agent = startAgentSpan(runName, {
        instrumentation: state.instrumentation,
        context: parent,
        attributes: {
          [ATTR_SIGHTLINE_LANGCHAIN_RUN_TYPE]: "graph",
          [ATTR_SIGHTLINE_LANGCHAIN_RUN_ID]: runId,
        },
      });
      run = { context: agent.context, span: agent };
    } else {
      const node = metadata?.langgraph_node;
      const runType = isGraph ? "graph" : node !== undefined && node === runName ? "graph_node" : "chain";
      const span = startRunSpan({
        instrumentation: state.instrumentation,
        name: `${runType} ${runName}`,
        parent,
        attributes: {
          [ATTR_SIGHTLINE_LANGCHAIN_RUN_TYPE]: runType,
          [ATTR_SIGHTLINE_LANGCHAIN_RUN_ID]: runId,
        },
      });
      run = { context: span.context, span };
    }
    state.runs.add(runId, run);
  } catch (error) {
    reportTelemetryError("starting a LangChain chain run", error);
  }
}
