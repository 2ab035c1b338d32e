import { asArray, asFields, asNumber, asString, type GenAIResponse } from "@sightline/core/provider";
import { ATTR_SIGHTLINE_COHERE_RERANK_RESULTS_COUNT } from "@sightline/core/semconv";
import { readField } from "../read-field.js";

/** The billed unit of a rerank call: one search (Cohere bills up to 100 documents as one). */
export const SEARCH_UNIT = "search_unit";

/**
 * Maps a `RerankResponse`: id, the result count, and `meta.billed_units.search_units` as billed
 * units (`search_unit`), which the catalog prices per 1,000 searches. No tokens.
 */
export function mapRerankResponse(response: unknown): GenAIResponse {
  const body = asFields(response);
  const billed = readField(asFields(body.meta), "billedUnits", "billed_units");
  const searchUnits = asNumber(readField(billed, "searchUnits", "search_units"));
  return {
    id: asString(body.id),
    billedUnits: searchUnits ? [{ unit: SEARCH_UNIT, quantity: searchUnits }] : undefined,
    attributes: { [ATTR_SIGHTLINE_COHERE_RERANK_RESULTS_COUNT]: asArray(body.results).length },
  };
}
