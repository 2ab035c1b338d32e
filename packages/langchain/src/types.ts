import type { SightlineOptions } from "@sightline/core";

/** Options of `createSightlineCallbackHandler()`: every option the Sightline wrappers take, plus these. */
export interface SightlineLangChainOptions extends SightlineOptions {
  /**
   * Record each compiled LangGraph graph run (LangGraph's `createReactAgent`, langchain's
   * `createAgent`, your own `StateGraph().compile()`) as an `invoke_agent` span, with the model,
   * tool and node spans under it and `sightline.cost.total` on it. When false, graphs get an
   * INTERNAL `graph <name>` span instead. Default: true.
   */
  agentSpans?: boolean;
  /**
   * Record chain runs (runnable sequences, lambdas, graph nodes) as INTERNAL `chain <name>` /
   * `graph_node <name>` spans. When false, model and tool spans nest directly under the nearest
   * recorded run. Runs LangChain marks hidden (`langsmith:hidden`) are never recorded. Default: true.
   */
  chainSpans?: boolean;
}

/** Options of `observeLangChainEmbeddings()`. */
export type SightlineLangChainEmbeddingsOptions = SightlineOptions;
