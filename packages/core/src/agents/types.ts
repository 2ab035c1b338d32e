import type { Attributes, Context, Span } from "@opentelemetry/api";
import type { SightlineOptions } from "../config/types.js";
import type { Instrumentation } from "../operation/create-instrumentation.js";

/** Options shared by agent and tool spans. */
export interface GenAISpanOptions
  extends Pick<
    SightlineOptions,
    "tracerProvider" | "captureContent" | "contentMaxBytes" | "redaction" | "redactContent"
  > {
  /** Extra span attributes, set at start. Default: none. */
  attributes?: Attributes;
  /** The parent context. Default: the active one (`context.active()`). */
  context?: Context;
  /**
   * An engine whose configuration (tracer, content capture, redaction) the span uses instead of the
   * options above; integrations pass their own. Default: one built from the options.
   */
  instrumentation?: Instrumentation;
}

/** Options of `traceAgent` / `startAgentSpan`. */
export interface AgentSpanOptions extends GenAISpanOptions {
  /** `gen_ai.agent.id`. Default: none. */
  id?: string;
  /** `gen_ai.agent.description`. Default: none. */
  description?: string;
  /** `gen_ai.agent.version`. Default: none. */
  version?: string;
  /** `gen_ai.provider.name`, when the agent runs on one provider. Default: none. */
  providerName?: string;
  /**
   * The agent runs in another service (OpenAI Assistants, Bedrock Agents): the span is CLIENT, as
   * semconv asks for remote agents. Default: false (an in-process agent, INTERNAL).
   */
  remote?: boolean;
}

/** Options of `traceTool` / `startToolSpan`. */
export interface ToolSpanOptions extends GenAISpanOptions {
  /** `gen_ai.tool.call.id`: the id the model gave the call. Default: none. */
  callId?: string;
  /**
   * `gen_ai.tool.type`: `function` (runs in the client), `extension` (the agent calls an external
   * API) or `datastore` (retrieval). Default: `function`.
   */
  type?: string;
  /** `gen_ai.tool.description`. Default: none. */
  description?: string;
  /** The call's arguments, recorded as `gen_ai.tool.call.arguments` only with content capture on. Default: none. */
  arguments?: unknown;
}

/** A started agent or tool span whose end comes later (from another callback). */
export interface GenAISpanHandle {
  /** The span. */
  readonly span: Span;
  /** The parent context with this span (and, for agents, its cost tally) set: run children in it. */
  readonly context: Context;
  /**
   * Ends the span once (later calls are ignored). With an error: status ERROR, `error.type` and a
   * redacted, bounded exception event. An agent span gets `sightline.cost.total` here.
   */
  end(error?: unknown): void;
}

/** A started tool span. */
export interface ToolSpanHandle extends GenAISpanHandle {
  /** Records the tool's result as `gen_ai.tool.call.result`, only with content capture on. */
  setResult(result: unknown): void;
}
