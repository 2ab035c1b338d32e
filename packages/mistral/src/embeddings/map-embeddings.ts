import { asArray, asFields, asString, type GenAIRequest, type GenAIResponse } from "@sightline/core/provider";
import { GEN_AI_OPERATION_EMBEDDINGS } from "@sightline/core/semconv";
import { mapMistralUsage } from "../map-mistral-usage.js";

/** Maps `embeddings.create` params (`model`, `inputs`, `outputDimension`, `outputDtype`, `encodingFormat`). */
export function mapEmbeddingsRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const format = asString(body.encodingFormat ?? body.encoding_format);
  return {
    operation: GEN_AI_OPERATION_EMBEDDINGS,
    model: asString(body.model),
    parameters: { encodingFormats: [format ?? "float"] },
  };
}

/** Maps an `EmbeddingResponse`: id, model, input tokens, and the vector length. */
export function mapEmbeddingsResponse(response: unknown): GenAIResponse {
  const fields = asFields(response);
  const first = asFields(asArray(fields.data)[0]);
  const usage = mapMistralUsage(fields.usage);
  return {
    id: asString(fields.id),
    model: asString(fields.model),
    usage: usage ? { inputTokens: usage.inputTokens } : undefined,
    embeddingDimensions: Array.isArray(first.embedding) ? first.embedding.length : undefined,
  };
}
