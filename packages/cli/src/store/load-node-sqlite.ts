import type { NodeSqliteModule } from "./sqlite-types.js";

/** What {@link loadNodeSqlite} found: the module, or why there is none. */
export type NodeSqliteLoad = { module: NodeSqliteModule } | { reason: string };

/**
 * Loads `node:sqlite` at run time, so the CLI still loads on Node 20 (where it is missing) and on 22.5–22.12
 * (where it needs a flag). Node's one "SQLite is an experimental feature" warning is kept off the user's
 * terminal: it says nothing they can act on. Every other warning passes through untouched.
 */
export function loadNodeSqlite(): NodeSqliteLoad {
  const reason = `the web UI needs node:sqlite, Node 22.13 or later; this is Node v${process.versions.node}: terminal view only`;
  const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (typeof getBuiltinModule !== "function") return { reason };
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === "string" ? warning : warning.message;
    if (isSqliteExperimentalWarning({ text, rest })) return;
    return (emitWarning as (...parameters: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const module = getBuiltinModule.call(process, "node:sqlite") as NodeSqliteModule | undefined;
    return typeof module?.DatabaseSync === "function" ? { module } : { reason };
  } catch {
    return { reason };
  } finally {
    process.emitWarning = emitWarning;
  }
}

function isSqliteExperimentalWarning(options: { text: string; rest: unknown[] }): boolean {
  const [typeOrOptions] = options.rest;
  const type =
    typeof typeOrOptions === "string"
      ? typeOrOptions
      : (typeOrOptions as { type?: string } | undefined)?.type;
  return type === "ExperimentalWarning" && /^SQLite is an experimental feature/.test(options.text);
}

/** Whether this runtime has `node:sqlite` (for tests that need the store). */
export function hasNodeSqlite(): boolean {
  return "module" in loadNodeSqlite();
}
