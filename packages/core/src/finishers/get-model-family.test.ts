import { describe, expect, it } from "vitest";
import { detectRefusal } from "./detect-refusal.js";
import { getModelFamily } from "./get-model-family.js";

describe("getModelFamily", () => {
  it.each([
    ["gpt-4o-2024-08-06", "gpt-4o"],
    ["gpt-4o", "gpt-4o"],
    ["claude-sonnet-4-5@20250929", "claude-sonnet-4-5"],
    ["anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-sonnet-4"],
    ["claude-3-5-sonnet-20241022", "claude-3-5-sonnet"],
    ["gpt-3.5-turbo-0125", "gpt-3.5-turbo"],
    ["gemini-2.5-flash", "gemini-2.5-flash"],
  ])("%s → %s", (model, family) => {
    expect(getModelFamily(model)).toBe(family);
  });
});

describe("detectRefusal", () => {
  it.each([
    ["I'm sorry, but I can't help with that.", true],
    ["I cannot assist with this request.", true],
    ["Unfortunately, I am unable to provide that information.", true],
    ["Sure! Here is the summary you asked for.", false],
    ["The function can't handle nulls; I can help fix it.", false],
  ])("%s → %s", (text, expected) => {
    expect(detectRefusal(text)).toBe(expected);
  });
});
