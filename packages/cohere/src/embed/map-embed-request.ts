import { asArray, asFields, asString, type GenAIRequest } from "@sightline/core/provider";
import { ATTR_SIGHTLINE_COHERE_EMBED_INPUT_TYPE, GEN_AI_OPERATION_EMBEDDINGS } from "@sightline/core/semconv";
import { readField } from "../read-field.js";

/** Maps `embed` (v2) params: operation `embeddings`, model, the requested embedding types. */
export function mapEmbedRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const inputType = asString(readField(body, "inputType", "input_type"));
  const types = asArray(readField(body, "embeddingTypes", "embedding_types")).filter(
    (item): item is string => typeof item === "string",
  );
  return {
    operation: GEN_AI_OPERATION_EMBEDDINGS,
    model: asString(body.model),
    parameters: { encodingFormats: types.length > 0 ? types : undefined },
    attributes: inputType === undefined ? undefined : { [ATTR_SIGHTLINE_COHERE_EMBED_INPUT_TYPE]: inputType },
  };
}
