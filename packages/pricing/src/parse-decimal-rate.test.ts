import { describe, expect, it } from "vitest";
import { formatDecimalRate, parseDecimalRate } from "./parse-decimal-rate.js";

describe("parseDecimalRate", () => {
  it.each([
    ["2.50", 2_500_000],
    ["0.075", 75_000],
    ["0.003625", 3_625],
    ["15", 15_000_000],
    ["0.1000000", 100_000],
    [0.3, 300_000],
    [0.1 + 0.2, 300_000],
  ])("%s → %i pico-USD per token", (value, expected) => {
    expect(parseDecimalRate(value)).toBe(expected);
  });

  it.each(["-1", "1e-7", "abc", "0.0000001", ""])("refuses %s", (value) => {
    expect(() => parseDecimalRate(value)).toThrow(RangeError);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 1e-7])("refuses the number %s", (value) => {
    expect(() => parseDecimalRate(value)).toThrow(RangeError);
  });

  it("formats back to a decimal string", () => {
    expect(formatDecimalRate(2_500_000)).toBe("2.5");
    expect(formatDecimalRate(3_625)).toBe("0.003625");
    expect(formatDecimalRate(15_000_000)).toBe("15");
  });
});
