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
  // Some OpenAI-compatible servers send no usage, or only `total_tokens` (all of it input).
  const usage = asFields(fields.usage);
  const inputTokens =
    asNumber(usage.prompt_tokens) ?? asNumber(usage.input_tokens) ?? asNumber(usage.total_tokens);
  return {
    model: asString(fields.model),
    usage: inputTokens === undefined ? undefined : { inputTokens },
    embeddingDimensions: dimensions,
  };
}
