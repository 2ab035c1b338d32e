import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

/**
 * Compares generated text with a checked-in golden file. `UPDATE_GOLDEN=1 pnpm exec vitest run` rewrites
 * the golden files instead; review the diff before committing.
 */
export function expectGoldenFile(path: string, contents: string): void {
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
    return;
  }
  let golden: string;
  try {
    golden = readFileSync(path, "utf8");
  } catch {
    throw new Error(`golden file ${path} is missing; run UPDATE_GOLDEN=1 pnpm exec vitest run`);
  }
  expect(contents, `${path} differs; rerun with UPDATE_GOLDEN=1 if the change is intended`).toBe(golden);
}
