import { describe, expect, it } from "vitest";
import { mapPerplexityBilledUnits } from "./map-perplexity-billed-units.js";

describe("mapPerplexityBilledUnits", () => {
  it("bills one request at the reported search context size", () => {
    expect(mapPerplexityBilledUnits({ prompt_tokens: 5, search_context_size: "High" })).toEqual([
      { unit: "request", quantity: 1, variant: "high" },
    ]);
  });

  it("bills deep research per search query and citation token instead of per request", () => {
    expect(
      mapPerplexityBilledUnits({ search_context_size: "low", num_search_queries: 18, citation_tokens: 500 }),
    ).toEqual([
      { unit: "search_query", quantity: 18 },
      { unit: "citation_token", quantity: 500 },
    ]);
  });

  it("adds nothing for another host's usage", () => {
    expect(mapPerplexityBilledUnits({ prompt_tokens: 5, completion_tokens: 3 })).toEqual([]);
    expect(mapPerplexityBilledUnits(undefined)).toEqual([]);
  });
});
