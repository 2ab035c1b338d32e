const DATE_SUFFIX = /-\d{4}-\d{2}-\d{2}$/;

/** The model a mock reports: the request model plus `-2026-01-01` unless it already ends in a date. */
export function resolveResponseModel(requestModel: unknown, fallback: string): string {
  const model = typeof requestModel === "string" && requestModel !== "" ? requestModel : fallback;
  return DATE_SUFFIX.test(model) ? model : `${model}-2026-01-01`;
}
