import { describe, expect, it } from "vitest";
import { readTraceFilters, toTraceListQuery, writeTraceFilters } from "./trace-filters.js";

describe("trace filters", () => {
  it("round-trips through the hash query, leaving defaults out", () => {
    const params = new URLSearchParams("model=gpt-4o&errors=only&range=1h&minCostUsd=0.5&q=%3Cscript%3E");
    const filters = readTraceFilters(params);
    expect(filters).toMatchObject({
      model: "gpt-4o",
      errors: "only",
      range: "1h",
      minCostUsd: "0.5",
      q: "<script>",
    });
    expect(writeTraceFilters(filters).toString()).toBe(
      "q=%3Cscript%3E&model=gpt-4o&minCostUsd=0.5&errors=only&range=1h",
    );
    expect(writeTraceFilters(readTraceFilters(new URLSearchParams())).toString()).toBe("");
  });

  it("ignores unknown values", () => {
    const filters = readTraceFilters(new URLSearchParams("errors=maybe&range=__proto__"));
    expect(filters.errors).toBe("");
    expect(filters.range).toBe("all");
  });

  it("builds the API query: range as since, bad numbers dropped", () => {
    const filters = readTraceFilters(
      new URLSearchParams("range=15m&minDurationMs=abc&maxCostUsd=2&q=%20x%20"),
    );
    const query = toTraceListQuery({ filters, now: 1_000_000_000 });
    expect(query.since).toBe(1_000_000_000 - 15 * 60_000);
    expect(query.minDurationMs).toBeUndefined();
    expect(query.maxCostUsd).toBe(2);
    expect(query.q).toBe("x");
    expect(query.model).toBeUndefined();
  });
});
