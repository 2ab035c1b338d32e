import { asArray, asFields, asNumber, asString, type GenAIResponse } from "@sightline/core/provider";

/** Maps an embeddings list to core's response shape. */
export function mapEmbeddingsResponse(body: unknown): GenAIResponse {
  const fields = asFields(body);
  const first = asFields(asArray(fields.data)[0]).embedding;
  // A base64 embedding (when the caller asked for it) is little-endian float32: 4 bytes a dimension.
  const dimensions = Array.isArray(first)
    ? first.length
    : typeof first === "string"
      ? Math.floor((first.length * 3) / 4 / 4)
      : undefined;
  const usage = asFields(fields.usage);
  return {
    model: asString(fields.model),
    usage: { inputTokens: asNumber(usage.prompt_tokens) },
    embeddingDimensions: dimensions,
  };
}
