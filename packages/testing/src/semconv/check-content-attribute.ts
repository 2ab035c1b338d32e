import type { AttributeToCheck } from "./check-attribute.js";
import { SEMCONV_FACTS } from "./semconv-facts.js";
import type { SemconvFinding } from "./semconv-finding.js";
import { validateJsonSchema } from "./validate-json-schema.js";

/** The four content attributes semconv gives a JSON schema for. */
export const CONTENT_ATTRIBUTES: readonly string[] = Object.keys(SEMCONV_FACTS.schemas);

/**
 * Checks a content attribute against its GenAI JSON schema. Span attributes cannot hold structures, so
 * the value is the JSON string semconv asks for on spans; a value that is not JSON fails.
 */
export function checkContentAttribute(attribute: AttributeToCheck): SemconvFinding[] {
  const base = { subject: attribute.subject, attribute: attribute.name, severity: "violation" as const };
  let parsed: unknown = attribute.value;
  if (typeof attribute.value === "string") {
    try {
      parsed = JSON.parse(attribute.value);
    } catch (error) {
      return [{ ...base, rule: "content-json", message: `not JSON: ${(error as Error).message}` }];
    }
  }
  return validateJsonSchema(parsed, SEMCONV_FACTS.schemas[attribute.name]).map((problem) => ({
    ...base,
    rule: "content-schema",
    message: problem,
  }));
}
