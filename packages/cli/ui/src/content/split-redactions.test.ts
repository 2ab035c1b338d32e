import { describe, expect, it } from "vitest";
import { splitRedactions } from "./split-redactions.js";

describe("splitRedactions", () => {
  it("flags every marker", () => {
    expect(splitRedactions("mail [REDACTED:email] or [REDACTED:phone]")).toEqual([
      { text: "mail ", redacted: false },
      { text: "[REDACTED:email]", redacted: true },
      { text: " or ", redacted: false },
      { text: "[REDACTED:phone]", redacted: true },
    ]);
  });

  it("leaves text without markers whole, and lookalikes alone", () => {
    expect(splitRedactions("[REDACTED:] plain")).toEqual([{ text: "[REDACTED:] plain", redacted: false }]);
    expect(splitRedactions("")).toEqual([{ text: "", redacted: false }]);
  });
});
