import type { JsonSchema } from "../json-schema/types.js";
import { validateJsonSchema } from "../json-schema/validate-json-schema.js";
import type { Evaluator } from "../types.js";
import { createVerdict } from "./create-verdict.js";
import { parseJsonAnswer } from "./parse-json-answer.js";

/**
 * Passes when the answer is JSON that conforms to `schema` (or, without one, to the row's `expected`,
 * which must then be a schema). The validator covers a subset of JSON Schema: `type`, `properties`,
 * `required`, `additionalProperties`, `items`/`prefixItems`, `enum`, `const`, `minimum`/`maximum` (and the
 * exclusive forms), `minLength`/`maxLength`, `pattern`, `minItems`/`maxItems`, `anyOf`/`oneOf`/`allOf`/`not`;
 * other keywords (`$ref`, `format`, …) are ignored, so a schema relying on them checks less than it says.
 * The score is 1 for a conforming answer, 0 for invalid JSON, and in between fewer violations score higher.
 * @example
 * matchesJsonSchema({ type: "object", required: ["city"], properties: { city: { type: "string" } } });
 */
export function matchesJsonSchema(schema?: JsonSchema, options: { name?: string } = {}): Evaluator {
  const name = options.name ?? "matches_json_schema";
  return {
    name,
    kind: "deterministic",
    evaluate(input) {
      const effective = schema ?? (input.expected as JsonSchema | undefined);
      if (typeof effective !== "boolean" && (typeof effective !== "object" || effective === null)) {
        return createVerdict({
          name,
          passed: false,
          label: "no_schema",
          explanation: "No JSON Schema was given, neither as the option nor as the row's expected value.",
        });
      }
      const parsed = parseJsonAnswer(input.outputText);
      if (!parsed.ok) {
        return createVerdict({
          name,
          passed: false,
          label: "invalid_json",
          explanation: `The answer is not valid JSON: ${parsed.error}.`,
        });
      }
      const violations = validateJsonSchema(parsed.value, effective);
      if (violations.length === 0)
        return createVerdict({ name, passed: true, explanation: "The answer conforms to the schema." });
      const first = violations[0] as { path: string; message: string };
      return createVerdict({
        name,
        passed: false,
        // Partial credit: a document with one stray field is closer than one that is wrong everywhere.
        score: 0.5 / violations.length,
        label: "schema_mismatch",
        explanation: `The answer breaks the schema in ${violations.length} place(s), first at "${first.path || "/"}": ${first.message}.`,
      });
    },
  };
}
