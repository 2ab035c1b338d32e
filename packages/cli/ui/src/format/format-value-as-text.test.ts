import { describe, expect, it } from "vitest";
import { formatValueAsText, getJsonDepth } from "./format-value-as-text.js";

describe("formatValueAsText", () => {
  it("pretty-prints JSON strings and objects, leaves other text alone", () => {
    expect(formatValueAsText('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(formatValueAsText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(formatValueAsText("{not json")).toBe("{not json");
    expect(formatValueAsText(42)).toBe("42");
    expect(formatValueAsText(["x", true])).toBe('[\n  "x",\n  true\n]');
  });

  it("keeps deep JSON compact instead of printing megabytes of indentation", () => {
    const deep = `${"[".repeat(2000)}${"]".repeat(2000)}`;
    expect(formatValueAsText(deep)).toBe(deep);
    expect(formatValueAsText(JSON.parse(deep))).toBe(deep);
  });

  it("cuts text past the cap", () => {
    const text = formatValueAsText("x".repeat(50), 10);
    expect(text.startsWith("xxxxxxxxxx…")).toBe(true);
    expect(text).toContain("cut at 10");
  });

  it("survives cyclic values", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatValueAsText(cyclic)).toBe("[object Object]");
  });
});

describe("getJsonDepth", () => {
  it("counts nesting outside strings only", () => {
    expect(getJsonDepth('{"a":[{"b":"[[[["}]}')).toBe(3);
    expect(getJsonDepth('"\\"[["')).toBe(0);
    expect(getJsonDepth("plain")).toBe(0);
  });
});
