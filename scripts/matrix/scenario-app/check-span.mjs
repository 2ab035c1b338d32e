// The span checks every scenario shares: one GenAI span with the right name and gen_ai.* attributes,
// token counts equal to what the mock reported, and for failed calls an error status and error.type.
import { expectEqual } from "./record-checks.mjs";

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

/** Calls `call` and returns what it threw (undefined when it did not throw). */
export async function catchError(call) {
  try {
    await call();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Checks that the wrapped client's error is the raw client's: same class, status and message. */
export function checkSameError(expect, { raw, wrapped, status }) {
  expect("the wrapped call threw", wrapped !== undefined, "no error");
  expect(
    "same error class as the raw client",
    wrapped !== undefined &&
      raw !== undefined &&
      Object.getPrototypeOf(wrapped) === Object.getPrototypeOf(raw),
    `${wrapped?.constructor?.name} vs ${raw?.constructor?.name}`,
  );
  expectEqual(expect, "error status", wrapped?.status, status);
  expectEqual(expect, "same error message as the raw client", wrapped?.message, raw?.message);
}
