import { asArray, asFields, asString } from "@sightline/core/provider";

/**
 * The refusal a Responses API object (a `response` span's `_response`) reports: `content_filter` from
 * `incomplete_details.reason`, `refusal` from a `refusal` content part of an output message.
 */
export function readResponseRefusal(response: Record<string, unknown>): string | undefined {
  if (asString(asFields(response.incomplete_details).reason) === "content_filter") return "content_filter";
  const refused = asArray(response.output).some((item) => {
    const fields = asFields(item);
    return (
      fields.type === "message" && asArray(fields.content).some((part) => asFields(part).type === "refusal")
    );
  });
  return refused ? "refusal" : undefined;
}

/**
 * The refusal a chat completion (a `generation` span's output) reports: `content_filter` from a choice's
 * `finish_reason`, `refusal` from a message's `refusal` text.
 */
export function readCompletionRefusal(completion: Record<string, unknown>): string | undefined {
  const choices = asArray(completion.choices).map(asFields);
  if (choices.some((choice) => choice.finish_reason === "content_filter")) return "content_filter";
  return choices.some((choice) => Boolean(asString(asFields(choice.message).refusal)))
    ? "refusal"
    : undefined;
}
