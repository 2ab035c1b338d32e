import { describe, expect, it } from "vitest";
import { appendCapturedText, CAPTURED_TEXT_CUT_MARKER } from "./append-captured-text.js";

describe("appendCapturedText", () => {
  it("joins pieces under the bound", () => {
    expect(appendCapturedText("Hello, ", "world", 100)).toBe("Hello, world");
  });

  it("cuts at the bound once, marks it, and drops later pieces", () => {
    let text = "";
    for (let index = 0; index < 1000; index++) text = appendCapturedText(text, "abcdefghij", 55);
    expect(text).toBe(`${"abcdefghij".repeat(5)}abcde${CAPTURED_TEXT_CUT_MARKER}`);
  });
});
