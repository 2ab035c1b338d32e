import { describe, expect, it } from "vitest";
import { createRebaselineCandidate } from "./confirm-rebaseline.js";
import { createSeededRandom } from "./create-seeded-random.js";
import { watchReturn } from "./watch-return.js";

// Values after a verdict reported at +1σ (from 27 values): `values(index)` gives each standardised value.
function watch(values: (index: number) => number, seed = 1): boolean {
  const random = createSeededRandom(seed);
  const candidate = createRebaselineCandidate({ shift: 1, count: 27 });
  for (let index = 0; index < 500; index += 1)
    watchReturn(candidate, {
      standardized: values(index) + random.normal(),
      threshold: 17.4,
      formed: index + 1,
    });
  return candidate.returned === true;
}

describe("watching for a return to the armed reference after a verdict", () => {
  it("sees a burst end: its tail, then 40 values back at the old level", () => {
    expect(watch((index) => (index < 12 ? 2 : 0))).toBe(true);
  });

  it("does not take a lasting change for a return, even one smaller than reported", () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      expect(watch(() => 1, seed)).toBe(false);
      expect(watch(() => 0.7, seed)).toBe(false);
    }
  });

  it("watches only the first values after the verdict (later returns are the quiet check's)", () => {
    expect(watch((index) => (index < 100 ? 1 : 0))).toBe(false);
  });
});
