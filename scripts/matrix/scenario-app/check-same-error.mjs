// The API-error scenarios' checks: a wrapped client must throw exactly what the raw client throws, the
// SDK's own error object (same class, status and message), never one of ours.
import { expectEqual } from "./run-scenario.mjs";

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
