import { describe, expect, it } from "vitest";
import { stripOpenAIAttributes, withStrippedFinish } from "./strip-openai-attributes.js";

describe("withStrippedFinish", () => {
  const inner = (mayHideChunks: boolean | undefined) => () => ({
    add: (chunk: unknown) => (chunk === "text" ? 1 : 0),
    finish: () => ({ model: "m", attributes: { "openai.response.service_tier": "default", kept: 1 } }),
    ...(mayHideChunks === undefined ? {} : { mayHideChunks }),
  });

  it("strips openai.* from what the accumulator finishes with and passes each chunk's flags through", () => {
    const accumulator = withStrippedFinish(inner(false))?.(false, {}, false);
    expect(accumulator?.add("text")).toBe(1);
    expect(accumulator?.add("usage")).toBe(0);
    expect(accumulator?.finish()).toEqual({ model: "m", attributes: { kept: 1 } });
  });

  it("keeps whether the inner accumulator may hide chunks, so core can observe the stream from the side", () => {
    expect(withStrippedFinish(inner(false))?.(false, {}, false).mayHideChunks).toBe(false);
    expect(withStrippedFinish(inner(true))?.(false, {}, false).mayHideChunks).toBe(true);
    expect(withStrippedFinish(inner(undefined))?.(false, {}, false).mayHideChunks).toBeUndefined();
  });

  it("is undefined for a method that does not stream", () => {
    expect(withStrippedFinish(undefined)).toBeUndefined();
  });
});

describe("stripOpenAIAttributes", () => {
  it("returns the value itself when it carries no openai.* attribute", () => {
    const value = { attributes: { other: 1 } };
    expect(stripOpenAIAttributes(value)).toBe(value);
  });
});
