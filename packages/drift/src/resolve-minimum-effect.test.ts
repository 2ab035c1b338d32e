import { describe, expect, it } from "vitest";
import { getMinimumEffect, resolveMinimumEffects } from "./resolve-minimum-effect.js";

describe("minimum effects", () => {
  it("has defaults for the well-known signals and none for others", () => {
    const effects = resolveMinimumEffects(undefined);
    expect(getMinimumEffect(effects, "duration")).toEqual({ relative: 0.03, absolute: 0.005 });
    expect(getMinimumEffect(effects, "refusal")).toEqual({ relative: 0, absolute: 0.01 });
    expect(getMinimumEffect(effects, "my_score")).toEqual({ relative: 0, absolute: 0 });
    expect(getMinimumEffect(effects, "constructor")).toEqual({ relative: 0, absolute: 0 });
  });

  it("merges options over the defaults and ignores invalid bounds", () => {
    const effects = resolveMinimumEffects({
      duration: { absolute: 0.05 },
      my_score: { relative: 0.1, absolute: -1 },
      output_tokens: { relative: Number.NaN },
    });
    expect(getMinimumEffect(effects, "duration")).toEqual({ relative: 0.03, absolute: 0.05 });
    expect(getMinimumEffect(effects, "my_score")).toEqual({ relative: 0.1, absolute: 0 });
    expect(getMinimumEffect(effects, "output_tokens")).toEqual({ relative: 0.03, absolute: 5 });
  });
});
