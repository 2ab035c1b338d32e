/**
 * `gen_ai.response.finish_reasons` from one reason per choice or candidate: only the reasons the
 * provider reported, in order; undefined when it reported none. A choice a stream never finished
 * (cut, failed mid-way, cancelled) has no reason, and inventing one (`"error"`) would count as a
 * finish reason in breakdowns and in the drift finish-reason signal; the failure is already on the
 * span as its status and `error.type`.
 * @example
 * collectFinishReasons(choices.map((choice) => choice.finishReason)); // ["stop"] or undefined
 */
export function collectFinishReasons(reasons: Iterable<string | undefined>): string[] | undefined {
  const reported: string[] = [];
  for (const reason of reasons) if (typeof reason === "string" && reason !== "") reported.push(reason);
  return reported.length > 0 ? reported : undefined;
}
