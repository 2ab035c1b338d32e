// The span checks every scenario shares: one GenAI span with the right name and gen_ai.* attributes,
// token counts equal to what the mock reported, and for failed calls an error status and error.type.
import { expectEqual } from "./run-scenario.mjs";

const SPAN_STATUS_ERROR = 2;

/**
 * Checks that `spans` holds exactly one span named `name` with `attributes` (each compared exactly), and
 * an error status with `error.type` when `errorType` is given. Returns the span for further checks.
 */
export function checkSpan(expect, spans, { name, attributes, errorType }) {
  expectEqual(expect, "exactly one span ended", spans.length, 1);
  const span = spans[0];
  if (!span) return undefined;
  expectEqual(expect, "span name", span.name, name);
  for (const [key, value] of Object.entries(attributes)) {
    expectEqual(expect, `span attribute ${key}`, span.attributes[key], value);
  }
  if (errorType !== undefined) {
    expectEqual(expect, "span status is error", span.status.code, SPAN_STATUS_ERROR);
    expectEqual(expect, "span attribute error.type", span.attributes["error.type"], errorType);
  } else {
    expect("span status is not error", span.status.code !== SPAN_STATUS_ERROR, span.status);
    expectEqual(expect, "span has no error.type", span.attributes["error.type"], undefined);
  }
  return span;
}

/** The gen_ai.usage.* attributes for the mock's token counts. */
export function usageAttributes(usage) {
  return {
    "gen_ai.usage.input_tokens": usage.inputTokens,
    "gen_ai.usage.output_tokens": usage.outputTokens,
  };
}
