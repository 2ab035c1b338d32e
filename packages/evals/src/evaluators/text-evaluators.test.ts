import { describe, expect, it } from "vitest";
import { contains } from "./contains.js";
import { equals } from "./equals.js";
import { lengthWithin } from "./length-within.js";
import { matchesPattern } from "./matches-pattern.js";
import { expectWellFormed, runEvaluator } from "./test-helpers.js";

describe("matchesPattern", () => {
  it("passes and fails on the regex, with no lastIndex carried between answers", async () => {
    const evaluator = matchesPattern(/order #\d{3}/gi);
    for (let round = 0; round < 3; round++) {
      const result = await runEvaluator(evaluator, { outputText: "Your Order #123 ships today" });
      expectWellFormed(result);
      expect(result.passed).toBe(true);
    }
    const miss = await runEvaluator(matchesPattern("^\\d+$"), { outputText: "12a" });
    expectWellFormed(miss);
    expect(miss).toMatchObject({ passed: false, score: 0, label: "fail" });
  });
});

describe("contains", () => {
  it("requires every text by default, case-insensitively, scoring the share found", async () => {
    const result = await runEvaluator(contains(["Refund", "14 days", "receipt"]), {
      outputText: "A refund is possible within 14 DAYS.",
    });
    expectWellFormed(result);
    expect(result).toMatchObject({ passed: false, label: "fail" });
    expect(result.score).toBeCloseTo(2 / 3);
    expect(result.explanation).toContain('"receipt"');
    const all = await runEvaluator(contains(["refund", "14 days"]), { outputText: "Refund within 14 days." });
    expect(all).toMatchObject({ passed: true, score: 1 });
  });

  it("with all: false needs one text; caseSensitive compares exactly", async () => {
    const any = await runEvaluator(contains(["cat", "dog"], { all: false }), { outputText: "a Dog" });
    expect(any.passed).toBe(true);
    const exact = await runEvaluator(contains("Dog", { caseSensitive: true }), { outputText: "a dog" });
    expect(exact.passed).toBe(false);
    const none = await runEvaluator(contains([]), { outputText: "x" });
    expect(none).toMatchObject({ passed: false, label: "no_text" });
  });
});

describe("equals", () => {
  it("compares text with whitespace normalised, and defaults to the row's expected value", async () => {
    expect((await runEvaluator(equals("Paris"), { outputText: "  Paris \n" })).passed).toBe(true);
    expect((await runEvaluator(equals(), { outputText: "Lyon", expected: "Paris" })).passed).toBe(false);
    expect(
      (await runEvaluator(equals("paris", { caseSensitive: false }), { outputText: "PARIS" })).passed,
    ).toBe(true);
  });

  it("compares structured values with the answer parsed as JSON", async () => {
    const same = await runEvaluator(equals({ a: [1, 2] }), { outputText: '{ "a": [1, 2] }' });
    expectWellFormed(same);
    expect(same.passed).toBe(true);
    expect((await runEvaluator(equals({ a: [1, 2] }), { outputText: '{"a":[2,1]}' })).passed).toBe(false);
    const prose = await runEvaluator(equals(42), { outputText: "forty-two" });
    expect(prose.explanation).toMatch(/not JSON/);
    const missing = await runEvaluator(equals(), { outputText: "x" });
    expect(missing).toMatchObject({ passed: false, label: "no_expected" });
  });
});

describe("lengthWithin", () => {
  it("checks characters and words against inclusive bounds", async () => {
    const bounds = lengthWithin({ minWords: 2, maxWords: 4, maxChars: 30 });
    expect((await runEvaluator(bounds, { outputText: "one two three" })).passed).toBe(true);
    const short = await runEvaluator(bounds, { outputText: "one" });
    expectWellFormed(short);
    expect(short).toMatchObject({ passed: false, label: "too_short" });
    const long = await runEvaluator(bounds, { outputText: "one two three four five" });
    expect(long).toMatchObject({ passed: false, label: "too_long" });
    expect((await runEvaluator(lengthWithin({ maxChars: 3 }), { outputText: "😀😀😀" })).passed).toBe(true);
  });

  it("refuses to be created without a valid bound", () => {
    expect(() => lengthWithin({})).toThrow(/at least one/);
    expect(() => lengthWithin({ maxChars: -1 })).toThrow(/≥ 0/);
  });
});
