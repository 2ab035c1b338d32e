import { asFields, asNumber, asString, type GenAIBilledUnits } from "@sightline/core/provider";

/**
 * The non-token parts of a Perplexity bill, read from its chat `usage`: Sonar models charge a fee per request by
 * the search context size the response reports (`search_context_size`: `low`, `medium`, `high`); Sonar Deep
 * Research charges per search query it ran (`num_search_queries`) and per citation token (`citation_tokens`).
 * Only what the response says is billed: a response without these fields adds no unit. Other hosts never send
 * these fields, so this needs no host check.
 */
export function mapPerplexityBilledUnits(usage: unknown): GenAIBilledUnits[] {
  const fields = asFields(usage);
  const units: GenAIBilledUnits[] = [];
  const searchQueries = asNumber(fields.num_search_queries);
  const contextSize = asString(fields.search_context_size);
  // Deep research reports how many searches it ran, which is what it bills; the others bill one request.
  if (searchQueries !== undefined) {
    if (searchQueries > 0) units.push({ unit: "search_query", quantity: searchQueries });
  } else if (contextSize) {
    units.push({ unit: "request", quantity: 1, variant: contextSize.toLowerCase() });
  }
  const citationTokens = asNumber(fields.citation_tokens);
  if (citationTokens) units.push({ unit: "citation_token", quantity: citationTokens });
  return units;
}
