import { asFields, asNumber } from "@sightline/core/provider";

/**
 * The HTTP status of an ollama error: its `ResponseError` names it `status_code` (not the
 * `status` core reads), so the wrapper notes it on the operation itself.
 */
export function readStatusCode(error: unknown): number | undefined {
  return asNumber(asFields(error).status_code);
}
