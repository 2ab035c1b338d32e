import { describe, expect, it } from "vitest";
import { mergeScriptFields } from "./merge-script-fields.js";

describe("mergeScriptFields", () => {
  it("sets response fields at the top level and usage fields inside usage or usageMetadata", () => {
    const chat = { service_tier: "default", usage: { prompt_tokens: 5 } };
    expect(
      mergeScriptFields(chat, { responseFields: { service_tier: "flex" }, usageFields: { audio: 1 } }),
    ).toEqual({ service_tier: "flex", usage: { prompt_tokens: 5, audio: 1 } });
    expect(mergeScriptFields({ usageMetadata: { promptTokenCount: 2 } }, { usageFields: { x: 1 } })).toEqual({
      usageMetadata: { promptTokenCount: 2, x: 1 },
    });
  });

  it("leaves a body without usage (or not an object) as it is", () => {
    expect(mergeScriptFields({ usage: null }, { usageFields: { x: 1 } })).toEqual({ usage: null });
    expect(mergeScriptFields("text", { responseFields: { x: 1 } })).toBe("text");
  });
});
