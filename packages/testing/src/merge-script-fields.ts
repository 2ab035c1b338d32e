import { isRecord } from "./is-record.js";
import type { MockScript } from "./types.js";

/**
 * Adds a script's provider-native extras to a response body (or one stream chunk): `responseFields` at the top
 * level, `usageFields` inside the usage object (`usage`, or Gemini's `usageMetadata`) when the body has one.
 * Returns the body itself, changed in place; a script without extras (or a body that is not an object) is left
 * untouched.
 */
export function mergeScriptFields<Body>(body: Body, script: MockScript): Body {
  if (!isRecord(body)) return body;
  if (script.responseFields) Object.assign(body, script.responseFields);
  if (script.usageFields) {
    const key = "usageMetadata" in body ? "usageMetadata" : "usage";
    const usage = body[key];
    if (isRecord(usage)) Object.assign(body, { [key]: { ...usage, ...script.usageFields } });
  }
  return body;
}
