import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { type Context, context, trace } from "@opentelemetry/api";
import { markSightlineOperation, type Operation, reportTelemetryError } from "@sightline/core/provider";
import type { SightlineCallbackHandler } from "./sightline-callback-handler.js";

const OBSERVED = Symbol.for("sightline.langchain.model");

/** The model methods that make the provider request, called with the run's manager as third argument. */
const REQUEST_METHODS = ["_generate", "_streamResponseChunks"] as const;

/**
 * Makes a LangChain chat model send its provider requests inside the handler's span for the run:
 * the request runs with that `chat` span active (HTTP client spans nest under it) and with Sightline's
 * mark (so a Sightline client wrapper that sees the same request records nothing twice). Callbacks
 * alone cannot do this: LangChain calls them before and after the request, not around it. Wraps
 * `_generate` and `_streamResponseChunks` on the instance, only where the model's class implements
 * them, and returns the same model. The handler must see the model's runs (per call, per runnable,
 * on the model or globally).
 * @example
 * const model = observeLangChainModel(new ChatOpenAI({ model: "gpt-4o" }), handler);
 */
export function observeLangChainModel<T extends object>(model: T, handler: SightlineCallbackHandler): T {
  const target = model as unknown as Record<string | symbol, unknown>;
  if (!model || typeof model !== "object" || target[OBSERVED]) return model;
  try {
    const base = BaseChatModel.prototype as unknown as Record<string, unknown>;
    for (const name of REQUEST_METHODS) {
      const original = target[name];
      // A method the class does not implement stays the base's: LangChain checks that identity to
      // decide whether the model streams.
      if (typeof original !== "function" || original === base[name]) continue;
      target[name] =
        name === "_generate"
          ? function (this: unknown, ...args: unknown[]) {
              const callContext = requestContext(handler, args[2]);
              const call = () => (original as (...a: unknown[]) => unknown).apply(this, args);
              return callContext ? context.with(callContext, call) : call();
            }
          : function (this: unknown, ...args: unknown[]) {
              const callContext = requestContext(handler, args[2]);
              const iterator = (original as (...a: unknown[]) => AsyncIterator<unknown>).apply(this, args);
              return callContext ? bindIterator(iterator, callContext) : iterator;
            };
    }
    Object.defineProperty(target, OBSERVED, { value: true });
  } catch (error) {
    reportTelemetryError("observing a LangChain model", error);
  }
  return model;
}

/** The context a run's request should run in: its span active and Sightline's mark set. */
function requestContext(handler: SightlineCallbackHandler, runManager: unknown): Context | undefined {
  try {
    const runId = (runManager as { runId?: unknown } | undefined)?.runId;
    if (typeof runId !== "string") return undefined;
    const operation: Operation | undefined = handler.sightlineState().runs.get(runId)?.operation;
    if (!operation || operation.isEnded) return undefined;
    const active = context.active();
    return markSightlineOperation(
      operation.attached ? active : trace.setSpan(active, operation.span),
      operation.mark,
    );
  } catch (error) {
    reportTelemetryError("finding a LangChain run's context", error);
    return undefined;
  }
}

/** The same async iterator, each step run in `callContext` (a generator's body runs on `next()`). */
function bindIterator<V>(iterator: AsyncIterator<V>, callContext: Context): AsyncGenerator<V> {
  const bound: AsyncGenerator<V> = {
    next: (...args: [] | [unknown]) => context.with(callContext, () => iterator.next(...args)),
    return: (value?: unknown) =>
      context.with(callContext, () =>
        iterator.return
          ? iterator.return(value)
          : Promise.resolve({ done: true, value } as IteratorResult<V>),
      ),
    throw: (error?: unknown) =>
      context.with(callContext, () => (iterator.throw ? iterator.throw(error) : Promise.reject(error))),
    [Symbol.asyncIterator]() {
      return bound;
    },
  } as AsyncGenerator<V>;
  return bound;
}
