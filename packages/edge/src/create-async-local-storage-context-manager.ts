import { type Context, type ContextManager, ROOT_CONTEXT } from "@opentelemetry/api";
import type { AsyncLocalStorageConstructor } from "./types.js";

/**
 * An OpenTelemetry context manager over a given `AsyncLocalStorage` class. `@opentelemetry/context-async-hooks`
 * does the same but imports `node:async_hooks` statically, which breaks Worker bundles without Node modules.
 */
export function createAsyncLocalStorageContextManager(
  AsyncLocalStorage: AsyncLocalStorageConstructor,
): ContextManager {
  let storage = new AsyncLocalStorage<Context>();
  const manager: ContextManager = {
    active: () => storage.getStore() ?? ROOT_CONTEXT,
    with: (context, fn, thisArg, ...args) => storage.run(context, () => fn.call(thisArg, ...args)),
    bind: (context, target) => {
      if (typeof target !== "function") return target;
      const original = target as unknown as (...args: unknown[]) => unknown;
      return function bound(this: unknown, ...args: unknown[]) {
        return storage.run(context, () => original.apply(this, args));
      } as unknown as typeof target;
    },
    enable: () => manager,
    disable: () => {
      // A fresh store drops every context held by the old one, as the Node manager's disable() does.
      storage = new AsyncLocalStorage<Context>();
      return manager;
    },
  };
  return manager;
}
