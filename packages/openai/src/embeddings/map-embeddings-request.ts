import { asFields, asString, type GenAIRequest } from "@sightline/core/provider";
import { GEN_AI_OPERATION_EMBEDDINGS } from "@sightline/core/semconv";

/** Maps `embeddings.create` params to core's request shape (embeddings carry no content attributes). */
export function mapEmbeddingsRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const format = asString(body.encoding_format);
  return {
    operation: GEN_AI_OPERATION_EMBEDDINGS,
    model: asString(body.model),
    parameters: { encodingFormats: format ? [format] : undefined },
  };
}
