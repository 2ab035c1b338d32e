import { describe, expect, it } from "vitest";
import { toJsonText } from "./to-json-text.js";

describe("toJsonText", () => {
  it("expands objects and keeps short arrays of plain values on one line", () => {
    expect(toJsonText({ name: "a", tags: ["x", "y"], nested: [{ op: "COUNT" }], empty: [], none: {} })).toBe(
      '{\n  "name": "a",\n  "tags": ["x", "y"],\n  "nested": [\n    {\n      "op": "COUNT"\n    }\n  ],\n  "empty": [],\n  "none": {}\n}\n',
    );
  });

  it("expands arrays that would pass the line width", () => {
    const tags = Array.from({ length: 12 }, (_, index) => `tag-number-${index}`);
    expect(toJsonText({ tags }).split("\n")).toHaveLength(tags.length + 5);
  });

  it("round-trips through JSON.parse", () => {
    const value = { a: [1, null, true, "x"], b: { c: [{ d: 0.5 }] } };
    expect(JSON.parse(toJsonText(value))).toEqual(value);
  });
});
