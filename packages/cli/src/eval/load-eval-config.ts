import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { EvalTarget, Evaluator } from "@sightline/evals";

/** What an eval config file gives: the targets, the evaluators, and optionally which to compare. */
export interface EvalConfig {
  targets: EvalTarget[];
  evaluators: Evaluator[];
  /** Default `--baseline`. */
  baseline?: string;
  /** Default `--candidate`. */
  candidate?: string;
  /** Runs before the rows (e.g. starts a mock server); may return a teardown run after them. */
  setup?: () => unknown;
}

/** A config problem the user can fix, said in one line. */
export class EvalConfigError extends Error {}

const EXAMPLE_TARGETS =
  'export const targets = [{ name: "baseline", call: async (row) => (await client.chat.completions.create({ model: "gpt-4o-mini", messages: toChatMessages(row.input) })).choices[0].message.content }]';

/**
 * Imports an ESM eval config (`eval.config.mjs`) and checks its shape: named exports `targets` and `evaluators`
 * (or a default export object with them), optional `baseline`, `candidate` and `setup`. Throws
 * {@link EvalConfigError} naming the field and the fix.
 */
export async function loadEvalConfig(path: string): Promise<EvalConfig> {
  if (!existsSync(path)) {
    throw new EvalConfigError(
      `--config: ${path} does not exist; pass the path of an ESM file that exports targets and evaluators (see docs/evals.md)`,
    );
  }
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new EvalConfigError(
      `--config: ${path} failed to load: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const source = (
    module.targets === undefined && typeof module.default === "object" && module.default !== null
      ? module.default
      : module
  ) as Record<string, unknown>;
  const where = `--config ${path}`;
  const targets = source.targets;
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new EvalConfigError(`${where}: export a non-empty "targets" array, e.g. ${EXAMPLE_TARGETS}`);
  }
  const names = new Set<string>();
  targets.forEach((target: unknown, index) => {
    const record = (target ?? {}) as Record<string, unknown>;
    if (typeof record.name !== "string" || record.name.trim() === "") {
      throw new EvalConfigError(
        `${where}: targets[${index}].name is missing; give each target a unique name`,
      );
    }
    if (names.has(record.name)) {
      throw new EvalConfigError(
        `${where}: targets[${index}].name "${record.name}" is used twice; target names must be unique`,
      );
    }
    names.add(record.name);
    if (typeof record.call !== "function") {
      throw new EvalConfigError(
        `${where}: targets[${index}].call ("${record.name}") is not a function; give it call: async (row) => answer text`,
      );
    }
  });
  const evaluators = source.evaluators;
  if (!Array.isArray(evaluators) || evaluators.length === 0) {
    throw new EvalConfigError(
      `${where}: export a non-empty "evaluators" array, e.g. import { equals } from "@sightline/evals"; export const evaluators = [equals()]`,
    );
  }
  const evaluatorNames = new Set<string>();
  evaluators.forEach((evaluator: unknown, index) => {
    const record = (evaluator ?? {}) as Record<string, unknown>;
    if (typeof record.name !== "string" || typeof record.evaluate !== "function") {
      throw new EvalConfigError(
        `${where}: evaluators[${index}] is not an evaluator (it needs a name and an evaluate function); use the factories of @sightline/evals, e.g. equals()`,
      );
    }
    if (evaluatorNames.has(record.name)) {
      throw new EvalConfigError(
        `${where}: evaluators[${index}] is a second evaluator named "${record.name}"; pass { name: "…" } to one of them`,
      );
    }
    evaluatorNames.add(record.name);
  });
  for (const field of ["baseline", "candidate"] as const) {
    const value = source[field];
    if (value !== undefined && (typeof value !== "string" || !names.has(value))) {
      throw new EvalConfigError(
        `${where}: ${field} is ${JSON.stringify(value)}, which names no target; use one of ${[...names].join(", ")}`,
      );
    }
  }
  if (source.setup !== undefined && typeof source.setup !== "function") {
    throw new EvalConfigError(`${where}: setup must be a function (it may return a teardown function)`);
  }
  return {
    targets: targets as EvalTarget[],
    evaluators: evaluators as Evaluator[],
    ...(typeof source.baseline === "string" ? { baseline: source.baseline } : {}),
    ...(typeof source.candidate === "string" ? { candidate: source.candidate } : {}),
    ...(typeof source.setup === "function" ? { setup: source.setup as () => unknown } : {}),
  };
}
