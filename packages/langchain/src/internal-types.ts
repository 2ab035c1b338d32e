import type { Instrumentation } from "@sightline/core/provider";
import type { RunRegistry } from "./create-run-registry.js";

/** A LangChain runnable's serialized form, as callbacks receive it. */
export type Serialized = { id?: unknown; name?: string; kwargs?: Record<string, unknown> } | undefined;

/** What one handler (and its copies) shares. */
export interface HandlerState {
  instrumentation: Instrumentation;
  runs: RunRegistry;
  agentSpans: boolean;
  chainSpans: boolean;
}
