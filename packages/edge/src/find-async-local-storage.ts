import type { AsyncLocalStorageConstructor } from "./types.js";

interface RuntimeGlobals {
  AsyncLocalStorage?: AsyncLocalStorageConstructor;
  process?: { getBuiltinModule?: (name: string) => unknown };
}

/**
 * The runtime's `AsyncLocalStorage`, found without a static `node:async_hooks` import: such an import
 * fails to bundle or load where Node modules are absent (Workers without `nodejs_compat`).
 */
export function findAsyncLocalStorage(): AsyncLocalStorageConstructor | undefined {
  const runtime = globalThis as RuntimeGlobals;
  // Vercel Edge (and Next.js's edge sandbox) expose it as a global.
  if (typeof runtime.AsyncLocalStorage === "function") return runtime.AsyncLocalStorage;
  try {
    const asyncHooks = runtime.process?.getBuiltinModule?.("node:async_hooks") as
      | { AsyncLocalStorage?: AsyncLocalStorageConstructor }
      | undefined;
    if (typeof asyncHooks?.AsyncLocalStorage === "function") return asyncHooks.AsyncLocalStorage;
  } catch {
    // getBuiltinModule throws on runtimes that know the name but not the module: treat as absent.
  }
  return undefined;
}
