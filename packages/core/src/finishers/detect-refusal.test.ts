import { describe, expect, it } from "vitest";
import { detectRefusal } from "./detect-refusal.js";

describe("detectRefusal", () => {
  it("reads a refusal whether its apostrophes are typewriter or typographic ones", () => {
    expect(detectRefusal("I'm sorry, but I can't help with that.")).toBe(true);
    expect(detectRefusal("I\u2019m sorry, but I can\u2019t help with that.")).toBe(true);
    expect(detectRefusal("We won\u2019t assist with this request.")).toBe(true);
  });

  it("does not read an answer as a refusal", () => {
    expect(detectRefusal("Revenue grew 12% while costs held flat.")).toBe(false);
    expect(detectRefusal("I can help with that: here is the summary.")).toBe(false);
  });
});
