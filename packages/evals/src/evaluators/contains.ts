import type { Evaluator } from "../types.js";
import { createVerdict, quote } from "./create-verdict.js";

/** Options of {@link contains}. */
export interface ContainsOptions {
  /** Every text must appear (`true`) or at least one (`false`). Default: `true`. */
  all?: boolean;
  /** Compare case-sensitively. Default: `false`. */
  caseSensitive?: boolean;
  /** The evaluation's name. Default: `"contains"`. */
  name?: string;
}

/**
 * Passes when the answer contains the given text(s): all of them by default, any one with `all: false`.
 * The score is the share of texts found (with `all: false`, 1 when any is found).
 * @example
 * contains(["refund", "14 days"], { all: true });
 */
export function contains(text: string | readonly string[], options: ContainsOptions = {}): Evaluator {
  const name = options.name ?? "contains";
  const all = options.all ?? true;
  const caseSensitive = options.caseSensitive ?? false;
  const texts = (typeof text === "string" ? [text] : [...text]).filter((item) => item.length > 0);
  const needles = caseSensitive ? texts : texts.map((item) => item.toLowerCase());
  return {
    name,
    kind: "deterministic",
    evaluate(input) {
      if (needles.length === 0)
        return createVerdict({
          name,
          passed: false,
          label: "no_text",
          explanation: "No text to look for was given.",
        });
      const haystack = caseSensitive ? input.outputText : input.outputText.toLowerCase();
      const missing = texts.filter((_, index) => !haystack.includes(needles[index] as string));
      const found = texts.length - missing.length;
      const passed = all ? missing.length === 0 : found > 0;
      const score = all ? found / texts.length : found > 0 ? 1 : 0;
      const explanation = passed
        ? `The answer contains ${all ? "every expected text" : "at least one expected text"}.`
        : all
          ? `The answer lacks ${missing.length} of ${texts.length} expected texts, e.g. ${quote(missing[0] as string)}.`
          : "The answer contains none of the expected texts.";
      return createVerdict({ name, passed, score, explanation });
    },
  };
}
