import type { GenAIErrorInfo } from "../operation/operation-shapes.js";
import { ERROR_TYPE_OTHER } from "../semconv.js";

/**
 * `error.type` for an error: the provider's own mapping when it has one, else the error's class
 * name (what the OTel contrib instrumentations use), else `_OTHER`. Also picks up an HTTP status
 * from the common `status` / `statusCode` fields.
 */
export function getErrorInfo(
  error: unknown,
  mapError: ((error: unknown) => GenAIErrorInfo | undefined) | undefined,
): GenAIErrorInfo {
  const mapped = mapError?.(error);
  if (mapped) return mapped;
  const record = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const status = typeof record.status === "number" ? record.status : record.statusCode;
  const name = getErrorClassName(error);
  return {
    type: name && name !== "Error" ? name : ERROR_TYPE_OTHER,
    statusCode: typeof status === "number" ? status : undefined,
  };
}

/**
 * An error's class name (`RateLimitError`), else its `name`; undefined for values that are not
 * errors. Bundlers' renames (`APIError$1`) are undone: the suffix means nothing to a reader.
 */
export function getErrorClassName(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const className = error.constructor?.name?.replace(/\$\d+$/, "");
  return className && className !== "Error" ? className : error.name;
}
