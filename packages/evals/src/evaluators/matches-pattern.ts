import type { Evaluator } from "../types.js";
import { createVerdict } from "./create-verdict.js";

/**
 * Passes when the answer's text matches `pattern` (a RegExp, or a string compiled as one). A global or
 * sticky flag is dropped so repeated evaluations do not carry `lastIndex` from one answer to the next.
 * @example
 * matchesPattern(/^Order #\d{6}/);
 */
export function matchesPattern(pattern: RegExp | string, options: { name?: string } = {}): Evaluator {
  const name = options.name ?? "matches_pattern";
  const source = typeof pattern === "string" ? new RegExp(pattern) : pattern;
  const regex = new RegExp(source.source, source.flags.replace(/[gy]/g, ""));
  return {
    name,
    kind: "deterministic",
    evaluate(input) {
      const passed = regex.test(input.outputText);
      return createVerdict({
        name,
        passed,
        explanation: passed ? `The answer matches ${regex}.` : `The answer does not match ${regex}.`,
      });
    },
  };
}
