import { afterEach, expect, it } from "vitest";
import { hasNodeSqlite, loadNodeSqlite } from "./load-node-sqlite.js";

const warnings: Error[] = [];
const listen = (warning: Error) => void warnings.push(warning);
afterEach(() => {
  process.off("warning", listen);
  warnings.length = 0;
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

it("loads node:sqlite without Node's SQLite ExperimentalWarning, or names the Node version it needs", async () => {
  process.on("warning", listen);
  const loaded = loadNodeSqlite();
  await nextTurn();
  expect(warnings.filter((warning) => /SQLite/.test(warning.message))).toEqual([]);
  if (hasNodeSqlite()) expect("module" in loaded).toBe(true);
  else expect(loaded).toEqual({ reason: expect.stringContaining(`this is Node v${process.versions.node}`) });
});

it("leaves every other warning alone, during and after the load", async () => {
  process.on("warning", listen);
  loadNodeSqlite();
  process.emitWarning("Something else is an experimental feature", "ExperimentalWarning");
  process.emitWarning("SQLite is an experimental feature, said someone else", "DeprecationWarning");
  await nextTurn();
  expect(warnings.map((warning) => warning.message)).toEqual([
    "Something else is an experimental feature",
    "SQLite is an experimental feature, said someone else",
  ]);
});
