import { describe, expect, it } from "vitest";
import type { StoredSpan } from "../../../src/web/dev-api-types.js";
import { buildSpanRows, getTraceBounds } from "./build-span-rows.js";

function span(spanId: string, parentSpanId: string | null, startMs = 0, durationMs = 1): StoredSpan {
  return {
    traceId: "t",
    spanId,
    parentSpanId,
    name: spanId,
    kind: 1,
    startMs,
    durationMs,
    status: { code: 0, message: null },
    attributes: {},
    events: [],
    resource: {},
    scope: { name: "test", version: null },
    genAi: null,
  };
}

describe("buildSpanRows", () => {
  it("orders depth-first with children by start time", () => {
    const rows = buildSpanRows([
      span("c2", "root", 5),
      span("root", null, 0),
      span("c1", "root", 1),
      span("g", "c1", 2),
    ]);
    expect(rows.map((row) => [row.span.spanId, row.depth])).toEqual([
      ["root", 0],
      ["c1", 1],
      ["g", 2],
      ["c2", 1],
    ]);
    expect(rows[0]?.childCount).toBe(2);
  });

  it("makes spans with a missing parent roots", () => {
    const rows = buildSpanRows([span("orphan", "gone", 3), span("root", null, 0)]);
    expect(rows.map((row) => [row.span.spanId, row.depth])).toEqual([
      ["root", 0],
      ["orphan", 0],
    ]);
  });

  it("walks a 20,000-deep chain without recursion", () => {
    const spans = Array.from({ length: 20_000 }, (_, index) =>
      span(`s${index}`, index === 0 ? null : `s${index - 1}`, index),
    );
    const rows = buildSpanRows(spans.reverse());
    expect(rows).toHaveLength(20_000);
    expect(rows.at(-1)?.depth).toBe(19_999);
  });

  it("lists spans in a parent cycle once each instead of looping", () => {
    const rows = buildSpanRows([span("a", "b"), span("b", "a"), span("self", "self")]);
    expect(rows.map((row) => row.span.spanId).sort()).toEqual(["a", "b", "self"]);
  });

  it("finds the trace bounds", () => {
    expect(getTraceBounds([span("a", null, 10, 5), span("b", "a", 12, 20)])).toEqual({
      startMs: 10,
      endMs: 32,
    });
    expect(getTraceBounds([])).toEqual({ startMs: 0, endMs: 0 });
  });
});
