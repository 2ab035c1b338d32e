import { describe, expect, it } from "vitest";
import { createLinearScale, niceTicks } from "./chart-scale.js";

describe("niceTicks", () => {
  it.each([
    [87, [0, 25, 50, 75, 100]],
    [4, [0, 1, 2, 3, 4]],
    [0.013, [0, 0.005, 0.01, 0.015]],
    [0, [0, 1]],
    [Number.NaN, [0, 1]],
  ])("ticks for %s", (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });
});

describe("createLinearScale", () => {
  it("maps and inverts the y axis", () => {
    const y = createLinearScale({ domain: [0, 100], range: [200, 0] });
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(100);
    expect(createLinearScale({ domain: [5, 5], range: [0, 10] })(5)).toBe(0);
  });
});
