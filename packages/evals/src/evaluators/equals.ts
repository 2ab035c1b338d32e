import { isDeepEqual } from "../json-schema/is-deep-equal.js";
import type { Evaluator } from "../types.js";
import { createVerdict, quote } from "./create-verdict.js";
import { parseJsonAnswer } from "./parse-json-answer.js";

/** Options of {@link equals}. */
export interface EqualsOptions {
  /** Trim both sides and collapse runs of whitespace before comparing strings. Default: `true`. */
  normalizeWhitespace?: boolean;
  /** Compare strings case-sensitively. Default: `true`. */
  caseSensitive?: boolean;
  /** The evaluation's name. Default: `"equals"`. */
  name?: string;
}

/**
 * Passes when the answer equals `expected` (default: the row's `expected`). A string is compared with the
 * answer's text (whitespace-normalised by default); any other value is compared structurally with the answer
 * parsed as JSON.
 * @example
 * equals("Paris");
 */
export function equals(expected?: unknown, options: EqualsOptions = {}): Evaluator {
  const name = options.name ?? "equals";
  const normalizeWhitespace = options.normalizeWhitespace ?? true;
  const caseSensitive = options.caseSensitive ?? true;
  const normalize = (text: string): string => {
    const spaced = normalizeWhitespace ? text.trim().replace(/\s+/g, " ") : text;
    return caseSensitive ? spaced : spaced.toLowerCase();
  };
  return {
    name,
    kind: "deterministic",
    evaluate(input) {
      const target = expected === undefined ? input.expected : expected;
      if (target === undefined)
        return createVerdict({
          name,
          passed: false,
          label: "no_expected",
          explanation: "No expected value was given, neither as the option nor as the row's expected value.",
        });
      if (typeof target === "string") {
        const passed = normalize(input.outputText) === normalize(target);
        return createVerdict({
          name,
          passed,
          explanation: passed
            ? "The answer equals the expected text."
            : `The answer ${quote(input.outputText)} differs from the expected ${quote(target)}.`,
        });
      }
      const parsed = parseJsonAnswer(input.outputText);
      const passed = parsed.ok && isDeepEqual(parsed.value, target);
      return createVerdict({
        name,
        passed,
        explanation: passed
          ? "The answer equals the expected value."
          : parsed.ok
            ? "The answer's JSON value differs from the expected value."
            : "The answer is not JSON, so it cannot equal the expected value.",
      });
    },
  };
}
