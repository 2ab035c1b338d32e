import { asArray, asFields, asNumber, asString, type GenAIResponse } from "@sightline/core/provider";
import { readField } from "../read-field.js";

/**
 * Maps an `EmbedByTypeResponse`: id, the vector length (the first vector of the first type
 * returned) and input tokens from `meta.billed_units.input_tokens`.
 */
export function mapEmbedResponse(response: unknown): GenAIResponse {
  const body = asFields(response);
  const byType = asFields(body.embeddings);
  const first = Object.values(byType)
    .map(asArray)
    .find((vectors) => vectors.length > 0)?.[0];
  const billed = readField(asFields(body.meta), "billedUnits", "billed_units");
  const inputTokens = asNumber(readField(billed, "inputTokens", "input_tokens"));
  return {
    id: asString(body.id),
    embeddingDimensions: first === undefined ? undefined : asArray(first).length,
    usage: inputTokens === undefined ? undefined : { inputTokens },
  };
}
