import { asArray, asFields, asString, type GenAIRequest, type MessagePart } from "@sightline/core/provider";
import {
  ATTR_OPENAI_API_TYPE,
  OPENAI_API_TYPE_MODERATIONS,
  OPERATION_MODERATION,
} from "@sightline/core/semconv";

/**
 * Maps `moderations.create` params. Semconv v1.41 has no classification operation, so the operation name is
 * the custom `moderation` (semconv allows one where no predefined value applies).
 */
export function mapModerationsRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  return {
    operation: OPERATION_MODERATION,
    model: asString(body.model),
    attributes: { [ATTR_OPENAI_API_TYPE]: OPENAI_API_TYPE_MODERATIONS },
    content: () => ({ inputMessages: [{ role: "user", parts: mapModerationInput(body.input) }] }),
  };
}

function mapModerationInput(input: unknown): MessagePart[] {
  if (typeof input === "string") return [{ type: "text", content: input }];
  return asArray(input).map((item): MessagePart => {
    if (typeof item === "string") return { type: "text", content: item };
    const fields = asFields(item);
    if (fields.type === "text") return { type: "text", content: asString(fields.text) ?? "" };
    const url = asString(asFields(fields.image_url).url);
    return url && !url.startsWith("data:")
      ? { type: "uri", modality: "image", uri: url }
      : { type: asString(fields.type) ?? "unknown" };
  });
}
