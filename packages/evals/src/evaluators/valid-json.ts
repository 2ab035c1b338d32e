import type { Evaluator } from "../types.js";
import { createVerdict } from "./create-verdict.js";
import { parseJsonAnswer } from "./parse-json-answer.js";

/**
 * Passes when the answer's text parses as JSON (after trimming and unwrapping one Markdown code fence).
 * @example
 * const evaluator = validJson();
 */
export function validJson(options: { name?: string } = {}): Evaluator {
  const name = options.name ?? "valid_json";
  return {
    name,
    kind: "deterministic",
    evaluate(input) {
      const parsed = parseJsonAnswer(input.outputText);
      return parsed.ok
        ? createVerdict({ name, passed: true, explanation: "The answer is valid JSON." })
        : createVerdict({
            name,
            passed: false,
            label: "invalid_json",
            explanation: `The answer is not valid JSON: ${parsed.error}.`,
          });
    },
  };
}
