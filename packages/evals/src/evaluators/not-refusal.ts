import { detectRefusal } from "@sightline/core";
import type { Evaluator } from "../types.js";
import { createVerdict } from "./create-verdict.js";

/**
 * Passes unless the answer declines: the model's own refusal part or finish reason (`refusal`,
 * `content_filter`), or an opening such as "I'm sorry, but I can't help" (core's `detectRefusal`, or your
 * own `detect`).
 * @example
 * notRefusal();
 */
export function notRefusal(options: { detect?: (text: string) => boolean; name?: string } = {}): Evaluator {
  const name = options.name ?? "not_refusal";
  const detect = options.detect ?? detectRefusal;
  return {
    name,
    kind: "deterministic",
    evaluate(input) {
      const first = input.output[0];
      const reported =
        first?.finish_reason === "content_filter" || first?.parts.some((part) => part.type === "refusal");
      if (reported)
        return createVerdict({
          name,
          passed: false,
          label: "refusal",
          explanation: "The model reported a refusal or a content filter in its answer.",
        });
      const refused = detect(input.outputText);
      return createVerdict({
        name,
        passed: !refused,
        label: refused ? "refusal" : "pass",
        explanation: refused ? "The answer opens by declining to help." : "The answer does not decline.",
      });
    },
  };
}
