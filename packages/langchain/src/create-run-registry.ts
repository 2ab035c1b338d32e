import type { Context } from "@opentelemetry/api";
import type { GenAISpanHandle, Operation, ToolSpanHandle } from "@sightline/core/provider";

/** What Sightline keeps about one LangChain run while it is open. */
export interface RunState {
  /** The context the run's children start in (its span, an agent's cost tally, the app's context). */
  context: Context;
  /** A model run's operation (chat, text_completion). */
  operation?: Operation;
  /** A chain, graph, agent or tool run's span. */
  span?: GenAISpanHandle | ToolSpanHandle;
  /** A tool run (its span takes the result). */
  tool?: boolean;
}

/** Runs kept at most; past this the oldest is ended as abandoned, so lost end callbacks never grow memory. */
export const MAX_OPEN_RUNS = 10_000;

/** The open runs of one handler, by LangChain run id. */
export interface RunRegistry {
  get(runId: string | undefined): RunState | undefined;
  add(runId: string, state: RunState): void;
  /** Forgets a run and ends what it holds: an error fails it, `aborted` ends it as abandoned. */
  close(runId: string | undefined, ending: { error?: unknown; aborted?: boolean }): RunState | undefined;
  /** Number of open runs. */
  readonly size: number;
}

/** Creates the bounded registry of open runs for one handler. */
export function createRunRegistry(maxOpenRuns = MAX_OPEN_RUNS): RunRegistry {
  const runs = new Map<string, RunState>();
  const registry: RunRegistry = {
    get: (runId) => (runId === undefined ? undefined : runs.get(runId)),
    add(runId, state) {
      runs.set(runId, state);
      if (runs.size > maxOpenRuns) {
        const oldest = runs.keys().next().value;
        if (oldest !== undefined) registry.close(oldest, { aborted: true });
      }
    },
    close(runId, ending) {
      const state = registry.get(runId);
      if (!state || runId === undefined) return undefined;
      runs.delete(runId);
      const operation = state.operation;
      if (operation) {
        if (ending.aborted) operation.endStream("aborted", undefined);
        else if (ending.error !== undefined) operation.fail(ending.error);
      }
      if (state.span && (ending.aborted || ending.error !== undefined)) state.span.end(ending.error);
      return state;
    },
    get size() {
      return runs.size;
    },
  };
  return registry;
}
