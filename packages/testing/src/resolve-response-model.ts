// OpenAI dates a snapshot `-2024-08-06`, Anthropic `-20250514`.
const DATE_SUFFIX = /-(\d{4}-\d{2}-\d{2}|\d{8})$/;

/**
 * The model a mock reports: the request model plus `-2026-01-01` unless it already ends in a date, as the real APIs
 * answer an alias with a dated snapshot and a dated id with itself.
 */
export function resolveResponseModel(requestModel: unknown, fallback: string): string {
  const model = typeof requestModel === "string" && requestModel !== "" ? requestModel : fallback;
  return DATE_SUFFIX.test(model) ? model : `${model}-2026-01-01`;
}
