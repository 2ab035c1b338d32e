import { asFields, type GenAIRequest } from "@sightline/core/provider";
import { GEN_AI_OPERATION_EMBEDDINGS } from "@sightline/core/semconv";
import { stripModelPrefix } from "../generate-content/map-generate-content-request.js";

/** Maps `models.embedContent` params to core's request shape (embeddings carry no content attributes). */
export function mapEmbedContentRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  return {
    operation: GEN_AI_OPERATION_EMBEDDINGS,
    model: stripModelPrefix(typeof body.model === "string" ? body.model : undefined),
    parameters: { encodingFormats: ["float"] },
  };
}
