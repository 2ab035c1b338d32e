import { asArray, asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import { readField } from "../read-field.js";

/**
 * `gen_ai.operation.name` of a rerank call. Semconv v1.41 has no value for reranking (`retrieval`
 * is a search over a store, not a scoring of given documents), so this is Sightline's own, as
 * `moderation` and `count_tokens` are.
 */
export const RERANK_OPERATION = "rerank";

/** `cohere.rerank.documents.count` and `cohere.rerank.top_n`: what the call was asked to rank. */
export const ATTR_COHERE_RERANK_DOCUMENTS_COUNT = "cohere.rerank.documents.count";
export const ATTR_COHERE_RERANK_TOP_N = "cohere.rerank.top_n";

/** Maps `rerank` (v2) params: operation `rerank`, model, the document count and `top_n`. */
export function mapRerankRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const topN = asNumber(readField(body, "topN", "top_n"));
  return {
    operation: RERANK_OPERATION,
    model: asString(body.model),
    attributes: {
      [ATTR_COHERE_RERANK_DOCUMENTS_COUNT]: asArray(body.documents).length,
      ...(topN === undefined ? {} : { [ATTR_COHERE_RERANK_TOP_N]: topN }),
    },
  };
}
