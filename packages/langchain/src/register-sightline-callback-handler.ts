import { registerConfigureHook, setContextVariable } from "@langchain/core/context";
import type { SightlineCallbackHandler } from "./sightline-callback-handler.js";

/** The LangChain context variable the global handler is kept in. */
export const SIGHTLINE_HANDLER_CONTEXT_VARIABLE = "sightline_callback_handler";

/**
 * Makes `handler` a handler of every LangChain run started from here on in this async context and
 * everything it starts (at startup, that is the whole app), through LangChain's own mechanism for
 * global handlers (`registerConfigureHook` + `setContextVariable` from `@langchain/core/context`).
 * Call it once, at startup, before the work it should see is started. Returns the handler.
 * @example
 * registerSightlineCallbackHandler(createSightlineCallbackHandler());
 */
export function registerSightlineCallbackHandler(
  handler: SightlineCallbackHandler,
): SightlineCallbackHandler {
  registerConfigureHook({ contextVar: SIGHTLINE_HANDLER_CONTEXT_VARIABLE, inheritable: true });
  setContextVariable(SIGHTLINE_HANDLER_CONTEXT_VARIABLE, handler);
  return handler;
}
