import { SightlineError } from "@sightline/core";
import type { Evaluator } from "../types.js";
import { createVerdict } from "./create-verdict.js";

/** Bounds of {@link lengthWithin}; each is inclusive and optional. */
export interface LengthBounds {
  /** Fewest characters (code points). */
  minChars?: number;
  /** Most characters (code points). */
  maxChars?: number;
  /** Fewest words (runs of non-space). */
  minWords?: number;
  /** Most words. */
  maxWords?: number;
  /** The evaluation's name. Default: `"length_within"`. */
  name?: string;
}

/**
 * Passes when the answer's length is within every given bound. Throws a `SightlineError` at creation when
 * no bound is given or a bound is negative.
 * @example
 * lengthWithin({ maxWords: 120 });
 */
export function lengthWithin(bounds: LengthBounds): Evaluator {
  const name = bounds.name ?? "length_within";
  const { minChars, maxChars, minWords, maxWords } = bounds;
  const given = [minChars, maxChars, minWords, maxWords].filter((bound) => bound !== undefined);
  if (given.length === 0 || given.some((bound) => typeof bound !== "number" || !(bound >= 0)))
    throw new SightlineError({
      message: "lengthWithin needs at least one of minChars, maxChars, minWords, maxWords, each a number ≥ 0",
    });
  return {
    name,
    kind: "deterministic",
    evaluate(input) {
      const text = input.outputText;
      const chars = [...text].length;
      const words = text.trim() === "" ? 0 : text.trim().split(/\s+/).length;
      const problems: string[] = [];
      if (minChars !== undefined && chars < minChars)
        problems.push(`${chars} characters, fewer than ${minChars}`);
      if (maxChars !== undefined && chars > maxChars)
        problems.push(`${chars} characters, more than ${maxChars}`);
      if (minWords !== undefined && words < minWords) problems.push(`${words} words, fewer than ${minWords}`);
      if (maxWords !== undefined && words > maxWords) problems.push(`${words} words, more than ${maxWords}`);
      const passed = problems.length === 0;
      return createVerdict({
        name,
        passed,
        label: passed
          ? "pass"
          : problems.some((problem) => problem.includes("fewer"))
            ? "too_short"
            : "too_long",
        explanation: passed
          ? `The answer's length (${chars} characters, ${words} words) is within bounds.`
          : `The answer has ${problems.join(" and ")}.`,
      });
    },
  };
}
