import { asArray, asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import {
  ATTR_SIGHTLINE_COHERE_RERANK_DOCUMENTS_COUNT,
  ATTR_SIGHTLINE_COHERE_RERANK_TOP_N,
} from "@sightline/core/semconv";
import { readField } from "../read-field.js";

/**
 * `gen_ai.operation.name` of a rerank call. Semconv v1.41 has no value for reranking (`retrieval`
 * is a search over a store, not a scoring of given documents), so this is Sightline's own, as
 * `moderation` and `count_tokens` are.
 */
export const RERANK_OPERATION = "rerank";

/** Maps `rerank` (v2) params: operation `rerank`, model, the document count and `top_n`. */
export function mapRerankRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const topN = asNumber(readField(body, "topN", "top_n"));
  return {
    operation: RERANK_OPERATION,
    model: asString(body.model),
    attributes: {
      [ATTR_SIGHTLINE_COHERE_RERANK_DOCUMENTS_COUNT]: asArray(body.documents).length,
      ...(topN === undefined ? {} : { [ATTR_SIGHTLINE_COHERE_RERANK_TOP_N]: topN }),
    },
  };
}
