import { describe, expect, it } from "vitest";
import { formatCost } from "./format-cost.js";
import { formatDuration } from "./format-duration.js";
import { formatBytes, formatCompact, formatCount } from "./format-number.js";

describe("formats", () => {
  it.each([
    [null, "—"],
    [0, "0 ms"],
    [0.42, "0.42 ms"],
    [8.34, "8.3 ms"],
    [420.4, "420 ms"],
    [1234, "1.23 s"],
    [123_000, "2 m 03 s"],
  ])("formatDuration(%s) = %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [null, "—"],
    [0, "$0"],
    [0.0000001, "<$0.000001"],
    [0.0000147, "$0.000015"],
    [0.00213, "$0.0021"],
    [12.345, "$12.35"],
  ])("formatCost(%s) = %s", (usd, text) => {
    expect(formatCost(usd)).toBe(text);
  });

  it("counts, compacts and sizes", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(Number.NaN)).toBe("—");
    expect(formatCompact(950)).toBe("950");
    expect(formatCompact(12_300)).toBe("12.3k");
    expect(formatCompact(4_500_000)).toBe("4.5M");
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(1.5 * 1024 * 1024)).toBe("1.5 MB");
  });
});
