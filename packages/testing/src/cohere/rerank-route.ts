import { collectText } from "../count-tokens.js";
import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { sendJson } from "../send-json.js";
import { stripCoherePrefix } from "./strip-cohere-prefix.js";

/**
 * `POST /v2/rerank`: `results` (`index`, `relevance_score`) ordered by a deterministic score (the
 * share of the query's words each document contains), cut at `top_n`, and
 * `meta.billed_units.search_units` (1 per 100 documents, as Cohere bills; the script's
 * `usage.inputTokens` overrides it).
 */
export const cohereRerankRoute: MockRoute = {
  method: "POST",
  matches: (path) => stripCoherePrefix(path) === "/v2/rerank",
  handle: ({ request, script, response, sequence }) => {
    const body = isRecord(request.body) ? request.body : {};
    const documents = Array.isArray(body.documents) ? body.documents.map((item) => collectText(item)) : [];
    const words = collectText(body.query).toLowerCase().split(/\W+/).filter(Boolean);
    const score = (document: string) => {
      const lower = document.toLowerCase();
      const hits = words.filter((word) => lower.includes(word)).length;
      return words.length === 0 ? 0 : Math.round((hits / words.length) * 1000) / 1000;
    };
    const ranked = documents
      .map((document, index) => ({ index, relevance_score: score(document) }))
      .sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index);
    const topN = typeof body.top_n === "number" ? body.top_n : ranked.length;
    const searchUnits = script.usage?.inputTokens ?? Math.max(1, Math.ceil(documents.length / 100));
    sendJson({
      response,
      status: 200,
      body: {
        id: `cohere-mock-${sequence}`,
        results: ranked.slice(0, topN),
        meta: { api_version: { version: "2" }, billed_units: { search_units: searchUnits } },
      },
    });
  },
};
