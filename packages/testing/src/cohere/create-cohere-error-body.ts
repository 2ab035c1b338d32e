/** Cohere's error body, `{ id, message }`, for an HTTP status. */
export function createCohereErrorBody(options: { status: number; message: string }): unknown {
  return { id: `cohere-mock-error-${options.status}`, message: options.message };
}
