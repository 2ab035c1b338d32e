import { asArray, asFields, asString, type GenAIRequest, type GenAIResponse } from "@sightline/core/provider";
import { GEN_AI_OPERATION_EMBEDDINGS } from "@sightline/core/semconv";
import { mapOllamaStats } from "../map-ollama-stats.js";

/** Maps `ollama.embed(request)` and the legacy `ollama.embeddings(request)`: operation `embeddings`. */
export function mapEmbedRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  return { operation: GEN_AI_OPERATION_EMBEDDINGS, model: asString(body.model) };
}

/**
 * `embed`: `{ model, embeddings: [[…]], prompt_eval_count, total_duration, load_duration }`;
 * `embeddings`: `{ embedding: […] }` only (no model, no counts).
 */
export function mapEmbedResponse(response: unknown): GenAIResponse {
  const fields = asFields(response);
  const first = asArray(fields.embeddings)[0] ?? fields.embedding;
  const stats = mapOllamaStats(fields);
  return {
    model: asString(fields.model),
    embeddingDimensions: Array.isArray(first) ? first.length : undefined,
    usage: stats.usage ? { inputTokens: stats.usage.inputTokens } : undefined,
    attributes: stats.attributes,
  };
}
