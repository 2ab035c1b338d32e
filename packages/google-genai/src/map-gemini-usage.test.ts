import { describe, expect, it } from "vitest";
import { mapGeminiUsage } from "./map-gemini-usage.js";

describe("mapGeminiUsage", () => {
  it("adds per-modality counts only when present and non-zero", () => {
    expect(mapGeminiUsage({ promptTokenCount: 10, candidatesTokenCount: 5 })).toEqual({
      inputTokens: 10,
      outputTokens: 5,
      cacheReadInputTokens: undefined,
      reasoningOutputTokens: undefined,
    });
    expect(
      mapGeminiUsage({
        promptTokenCount: 10,
        candidatesTokenCount: 5,
        promptTokensDetails: [{ modality: "TEXT", tokenCount: 10 }],
        candidatesTokensDetails: [{ modality: "TEXT", tokenCount: 5 }],
      }),
    ).not.toHaveProperty("audioInputTokens");
  });

  it("subtracts the cached part of a modality, never below zero, and sums repeated entries", () => {
    expect(
      mapGeminiUsage({
        promptTokenCount: 1000,
        cachedContentTokenCount: 500,
        promptTokensDetails: [
          { modality: "AUDIO", tokenCount: 200 },
          { modality: "IMAGE", tokenCount: 300 },
          { modality: "IMAGE", tokenCount: 100 },
        ],
        cacheTokensDetails: [
          { modality: "AUDIO", tokenCount: 250 },
          { modality: "IMAGE", tokenCount: 150 },
        ],
      }),
    ).toMatchObject({ cacheReadInputTokens: 500, imageInputTokens: 250 });
    expect(
      mapGeminiUsage({
        promptTokenCount: 1000,
        promptTokensDetails: [{ modality: "AUDIO", tokenCount: 200 }],
        cacheTokensDetails: [{ modality: "AUDIO", tokenCount: 250 }],
      }),
    ).not.toHaveProperty("audioInputTokens");
  });
});
