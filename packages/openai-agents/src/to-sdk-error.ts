/** The error an SDK span carries (`{ message, data }`) as an Error, for `error.type` and the span status. */
export function toSdkError(error: { message?: unknown; data?: unknown }): Error {
  const message =
    typeof error.message === "string" && error.message ? error.message : "OpenAI Agents SDK span failed";
  const failure = new Error(message);
  failure.name = "AgentsSpanError";
  return failure;
}
