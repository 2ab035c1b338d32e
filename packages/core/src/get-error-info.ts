import type { GenAIErrorInfo } from "./operation-shapes.js";
import { ERROR_TYPE_OTHER } from "./semconv.js";

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
  const name =
    error instanceof Error
      ? error.constructor?.name && error.constructor.name !== "Error"
        ? error.constructor.name
        : error.name
      : undefined;
  return {
    type: name && name !== "Error" ? name : ERROR_TYPE_OTHER,
    statusCode: typeof status === "number" ? status : undefined,
  };
}
