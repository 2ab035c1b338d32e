import type { Context, Span } from "@opentelemetry/api";
import type { GenAISpanHandle, Operation, ToolSpanHandle } from "@sightline/core/provider";

/** What Sightline keeps about one top-level AI SDK call while it runs. */
export interface CallState {
  /** The AI SDK operation, e.g. `ai.streamText`. */
  operationId: string;
  /** True for streamText / streamObject. */
  stream: boolean;
  /** The call's `invoke_agent` span (absent with `agentSpans: false`). */
  agent: GenAISpanHandle | undefined;
  /** The context model and tool spans start in: the agent span, its cost tally and the call's Sightline context. */
  context: Context;
  /** The language-model call in flight (steps run one after another). */
  model: Operation | undefined;
  /**
   * Another tool's span for the next language-model call, started by its hook just before
   * Sightline's (e.g. `@ai-sdk/otel` registered first): that call is recorded onto it.
   */
  foreignModelSpan: Span | undefined;
  /** Embedding model calls in flight, by the AI SDK's `embedCallId` (embedMany runs them in parallel). */
  embeds: Map<string, Operation>;
  /** Tool executions in flight, by tool call id. */
  tools: Map<string, ToolSpanHandle>;
}

/** Calls kept at most; past this the oldest is ended as abandoned, so a lost end event never grows memory. */
export const MAX_OPEN_CALLS = 10_000;

/** The open calls of one integration, by the AI SDK's `callId`. */
export interface CallRegistry {
  get(callId: string | undefined): CallState | undefined;
  add(callId: string, state: CallState): void;
  /** Forgets a call and ends everything still open in it (tools and model calls first, the agent last). */
  close(callId: string | undefined, ending: { error?: unknown; aborted?: boolean }): void;
}

/** Creates the registry of open calls for one integration instance. */
export function createCallRegistry(): CallRegistry {
  const calls = new Map<string, CallState>();
  const registry: CallRegistry = {
    get: (callId) => (callId === undefined ? undefined : calls.get(callId)),
    add(callId, state) {
      calls.set(callId, state);
      if (calls.size > MAX_OPEN_CALLS) {
        const oldest = calls.keys().next().value;
        if (oldest !== undefined) registry.close(oldest, { aborted: true });
      }
    },
    close(callId, ending) {
      const state = registry.get(callId);
      if (!state || callId === undefined) return;
      calls.delete(callId);
      for (const tool of state.tools.values()) tool.end(ending.error);
      const open = [...state.embeds.values(), ...(state.model ? [state.model] : [])];
      for (const operation of open) {
        if (ending.aborted) operation.endStream("aborted", undefined);
        else if (ending.error !== undefined) operation.fail(ending.error);
        else operation.succeed({});
      }
      state.agent?.end(ending.error);
    },
  };
  return registry;
}
