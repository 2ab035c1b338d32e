import type { Context } from "@opentelemetry/api";
import { carrySightlineContext } from "../context/with-context.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { GenAIRequest } from "../operation/operation-shapes.js";

/**
 * Gives a model call about to be recorded the context it belongs to, when a framework keeps its own
 * context beside OpenTelemetry's (the OpenAI Agents SDK's current span): return the context to record
 * the call in (e.g. its agent span's, with the agent's cost tally), or undefined to leave it as is.
 * `withContext` values active around the call are kept either way.
 */
export type CallContextBridge = (active: Context, request: GenAIRequest) => Context | undefined;

const BRIDGES_KEY = Symbol.for("sightline.core.call-context-bridges");

/** One set per process, shared by every copy of core, so a bridge reaches every wrapper. */
function getBridges(): Set<CallContextBridge> {
  const holder = globalThis as { [BRIDGES_KEY]?: Set<CallContextBridge> };
  let bridges = holder[BRIDGES_KEY];
  if (!bridges) {
    bridges = new Set();
    holder[BRIDGES_KEY] = bridges;
  }
  return bridges;
}

/**
 * Registers a bridge consulted by every Sightline operation before it starts; returns the function
 * that removes it.
 * @example
 * const remove = registerCallContextBridge((active) => contextOfCurrentAgent() ?? undefined);
 */
export function registerCallContextBridge(bridge: CallContextBridge): () => void {
  const bridges = getBridges();
  bridges.add(bridge);
  return () => {
    bridges.delete(bridge);
  };
}

/** The context a model call is recorded in: `active`, unless a registered bridge gives another. */
export function applyCallContextBridges(active: Context, request: GenAIRequest): Context {
  const holder = globalThis as { [BRIDGES_KEY]?: Set<CallContextBridge> };
  const bridges = holder[BRIDGES_KEY];
  if (!bridges || bridges.size === 0) return active;
  let current = active;
  for (const bridge of bridges) {
    try {
      current = bridge(current, request) ?? current;
    } catch (error) {
      reportTelemetryError("bridging a call's context", error);
    }
  }
  // `withContext` values set around the call (inside a tool, say) stay with it.
  return current === active ? active : carrySightlineContext(active, current);
}
