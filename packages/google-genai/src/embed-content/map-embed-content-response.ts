import { asArray, asFields, asNumber, type GenAIResponse } from "@sightline/core/provider";

/**
 * Maps an `EmbedContentResponse`: the vector length, and input tokens when the backend reports
 * them (Vertex AI's per-embedding `statistics.tokenCount`; the Gemini API reports none).
 */
export function mapEmbedContentResponse(body: unknown): GenAIResponse {
  const embeddings = asArray(asFields(body).embeddings).map(asFields);
  const first = embeddings[0];
  let inputTokens: number | undefined;
  for (const embedding of embeddings) {
    const count = asNumber(asFields(embedding.statistics).tokenCount);
    if (count !== undefined) inputTokens = (inputTokens ?? 0) + count;
  }
  return {
    embeddingDimensions: first ? asArray(first.values).length : undefined,
    usage: inputTokens === undefined ? undefined : { inputTokens },
  };
}
